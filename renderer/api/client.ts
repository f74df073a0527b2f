import type {
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
} from '../../shared/ipc/contract';
import type { AppErrorShape } from '../../shared/ipc/errors';
import type { Transport } from './transport';

/** A failed call, carrying the core's `{ code, message, details }`. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly details: Record<string, unknown> | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details;
  }
}

export interface Client {
  kind: Transport['kind'];
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
  /** See Transport.onReconnect; absent where the events cannot break (Electron IPC). */
  onReconnect?(callback: () => void): () => void;
}

/** The typed face of a transport: resolves with the value or rejects with an ApiError. */
export function createClient(transport: Transport): Client {
  return {
    kind: transport.kind,
    async call(channel, input) {
      const result = await transport.invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    on(event, callback) {
      return transport.on(event, callback as (payload: unknown) => void);
    },
    onReconnect: transport.onReconnect,
  };
}
