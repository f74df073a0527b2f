import type { Story, StoryBody, StoryFields } from '../../../shared/domain/story';
import { ApiError, type Client } from '../../api/client';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; reason: string }
  | { kind: 'conflict'; message: string };

export type StoryChanges = Partial<StoryFields>;

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Autosave for one open story: collects changes, sends them about a second after the last one
 * (or at once on flush), retries when the host is unreachable, and stops on a version conflict
 * rather than overwrite someone else's save. Independent of React so typing never waits on it.
 */
export class StorySaver {
  #pending: StoryChanges = {};
  #bodySource: (() => StoryBody) | null = null;
  #version: number;
  #state: SaveState = { kind: 'saved' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | null = null;
  #retries = 0;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly client: Client,
    private readonly storyId: string,
    version: number,
    private readonly onSaved: (story: Story) => void,
    private readonly delayMs = 1000,
  ) {
    this.#version = version;
  }

  get state(): SaveState {
    return this.#state;
  }

  get version(): number {
    return this.#version;
  }

  get saving(): boolean {
    return this.#inFlight !== null;
  }

  get hasUnsavedChanges(): boolean {
    return this.#hasPending || this.#inFlight !== null;
  }

  get #hasPending(): boolean {
    return this.#bodySource !== null || Object.keys(this.#pending).length > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  update(changes: StoryChanges): void {
    Object.assign(this.#pending, changes);
    this.#changed();
  }

  /** Marks the body changed; it is read from `source` only when the save is sent, never per keystroke. */
  updateBody(source: () => StoryBody): void {
    this.#bodySource = source;
    this.#changed();
  }

  #changed(): void {
    if (this.#state.kind === 'conflict') return;
    if (this.#state.kind !== 'retrying') this.#setState({ kind: 'unsaved' });
    this.#schedule(this.delayMs);
  }

  /** Sends what is pending now (blur, story switch, window hidden, quit). */
  flush = (): Promise<void> => {
    clearTimeout(this.#timer);
    if (this.#state.kind === 'conflict') return Promise.resolve();
    if (this.#inFlight) return this.#inFlight.then(this.flush);
    if (!this.#hasPending) return Promise.resolve();
    const changes = this.#bodySource ? { ...this.#pending, body: this.#bodySource() } : this.#pending;
    this.#pending = {};
    this.#bodySource = null;
    this.#setState({ kind: 'saving' });
    this.#inFlight = this.client
      .call('stories:save', { id: this.storyId, expectedVersion: this.#version, changes })
      .then(
        (story) => {
          this.#version = story.version;
          this.#retries = 0;
          this.#inFlight = null;
          this.#setState(this.#hasPending ? { kind: 'unsaved' } : { kind: 'saved' });
          this.onSaved(story);
        },
        (error: unknown) => {
          this.#inFlight = null;
          this.#pending = { ...changes, ...this.#pending };
          if (this.#bodySource) delete this.#pending.body;
          if (error instanceof ApiError && error.code === 'conflict') {
            this.#setState({ kind: 'conflict', message: error.message });
            return;
          }
          const reason = error instanceof Error ? error.message : String(error);
          this.#setState({ kind: 'retrying', reason });
          const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** this.#retries++);
          this.#schedule(delay);
        },
      );
    return this.#inFlight;
  };

  /** Forgets unsaved changes and continues from the stored story (after "Reload"). */
  reset(version: number): void {
    clearTimeout(this.#timer);
    this.#pending = {};
    this.#bodySource = null;
    this.#version = version;
    this.#retries = 0;
    this.#setState({ kind: 'saved' });
  }

  dispose(): Promise<void> {
    return this.flush().finally(() => clearTimeout(this.#timer));
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delay);
  }

  #setState(state: SaveState): void {
    this.#state = state;
    this.#listeners.forEach((listener) => listener());
  }
}

export function describeSaveState(state: SaveState): string {
  switch (state.kind) {
    case 'saved':
      return 'Saved';
    case 'unsaved':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return `Not saved — retrying (${state.reason})`;
    case 'conflict':
      return 'Not saved — changed elsewhere';
  }
}
