import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/ipc/contract';

/** The core's typed event bus; hosts forward its events to windows (IPC) or browsers (SSE). */
export class CoreEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(100);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.#emitter.emit(name, payload);
  }

  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }
}
