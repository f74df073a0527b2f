import { StoryFields, storyFieldsOf, type Story, type StoryBody } from '../../../shared/domain/story';
import { ApiError, type Client } from '../../api/client';

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'retrying'; reason: string }
  /** Refused for a reason no retry can fix (e.g. invalid input); the next change tries again. */
  | { kind: 'failed'; reason: string; closeRefused?: boolean }
  | { kind: 'conflict'; message: string; closeRefused?: boolean };

export type StoryChanges = Partial<StoryFields>;

/** Fields held back from saves because the contract refuses their value, with why in plain words. */
export type FieldProblems = Partial<Record<keyof StoryFields, string>>;

const NO_PROBLEMS: FieldProblems = Object.freeze({});

/** Splits changes into what the contract accepts and the fields it would refuse, so one bad field never blocks the rest. */
export function checkChanges(changes: StoryChanges): CheckedChanges {
  const valid: Record<string, unknown> = {};
  const refused: Record<string, unknown> = {};
  const problems: FieldProblems = {};
  for (const [key, value] of Object.entries(changes) as [keyof StoryFields, unknown][]) {
    const parsed = StoryFields.shape[key].safeParse(value);
    if (parsed.success) valid[key] = value;
    else {
      refused[key] = value;
      problems[key] = parsed.error.issues[0]?.message ?? 'Not accepted';
    }
  }
  return { valid: valid as StoryChanges, refused: refused as StoryChanges, problems };
}

interface CheckedChanges {
  valid: StoryChanges;
  refused: StoryChanges;
  problems: FieldProblems;
}

const FIELD_NAMES: Record<keyof StoryFields, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  byline: 'Byline',
  dateline: 'Dateline',
  credit: 'Credit',
  slug: 'Slug',
  sectionId: 'Section',
  featuredImage: 'Featured image',
  embargoUntil: 'Embargo',
  body: 'Body',
};

const MAX_RETRY_DELAY_MS = 30_000;

/** Errors a later attempt can get past: the host unreachable or failing for a moment. */
const RETRYABLE = new Set(['unavailable', 'internal']);

/** The savers of open stories, and of stories left with changes still on their way (they keep retrying). */
const open = new Set<StorySaver>();
const leftBehind = new Set<StorySaver>();

/**
 * Autosave for one open story: collects changes, sends them about a second after the last one
 * (or at once on flush), retries when the host is unreachable, and stops on a version conflict
 * rather than overwrite someone else's save. Independent of React so typing never waits on it.
 */
export class StorySaver {
  #pending: StoryChanges = {};
  /** Values the contract refuses; sent again only once the field changes. */
  #held: StoryChanges = {};
  #problems: FieldProblems = NO_PROBLEMS;
  #bodySource: (() => StoryBody) | null = null;
  #version: number;
  #state: SaveState = { kind: 'saved' };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | null = null;
  #retries = 0;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly client: Client,
    readonly storyId: string,
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
    return this.#hasPending || this.#inFlight !== null || Object.keys(this.#held).length > 0;
  }

  /** The fields not saved because their value is refused (e.g. too long); the rest of the story still saves. */
  get problems(): FieldProblems {
    return this.#problems;
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
    for (const key of Object.keys(changes) as (keyof StoryFields)[]) delete this.#held[key];
    this.#changed();
  }

  /** These fields were stored another way (a desk story's doc): no longer pending, nor held back with a problem. */
  settled(keys: readonly (keyof StoryFields)[]): void {
    const body = keys.includes('body') && this.#bodySource !== null;
    if (!body && !keys.some((key) => key in this.#held || key in this.#pending)) return;
    if (body) this.#bodySource = null;
    for (const key of keys) {
      delete this.#pending[key];
      delete this.#held[key];
    }
    this.#hold({ valid: {}, refused: {}, problems: {} });
    if (this.#state.kind === 'failed' || (this.#state.kind === 'unsaved' && !this.#hasPending)) {
      if (!this.#hasPending) this.#cancelTimer();
      if (!this.#inFlight) this.#setState(this.#hasPending ? { kind: 'unsaved' } : this.#heldState());
    }
  }

  /** Marks the body changed; it is read from `source` only when the save is sent, never per keystroke. */
  updateBody(source: () => StoryBody): void {
    this.#bodySource = source;
    this.#changed();
  }

  /** True while a save is due or on its way and no answer so far has stopped it. */
  get #trying(): boolean {
    return this.hasUnsavedChanges && this.#state.kind !== 'conflict' && this.#state.kind !== 'failed';
  }

  #changed(): void {
    if (this.#state.kind === 'conflict') return;
    const retrying = this.#state.kind === 'retrying';
    // Already unsaved: telling the listeners again would re-render the story form on every keystroke.
    if (!retrying && this.#state.kind !== 'unsaved') this.#setState({ kind: 'unsaved' });
    // The first unsaved keystroke starts the clock: steady typing must not push the save back for ever.
    if (retrying || this.#timer === undefined) this.#schedule(this.delayMs);
  }

  /** Sends what is pending now (blur, story switch, window hidden, quit). */
  flush = (): Promise<void> => {
    this.#cancelTimer();
    if (this.#state.kind === 'conflict') return Promise.resolve();
    if (this.#inFlight) return this.#inFlight.then(this.flush);
    if (!this.#hasPending) return Promise.resolve();
    const checked = checkChanges(
      this.#bodySource ? { ...this.#pending, body: this.#bodySource() } : this.#pending,
    );
    const changes = checked.valid;
    this.#pending = {};
    this.#bodySource = null;
    this.#hold(checked);
    if (Object.keys(changes).length === 0) {
      this.#setState(this.#heldState());
      return Promise.resolve();
    }
    this.#setState({ kind: 'saving' });
    this.#inFlight = this.client
      .call('stories:save', { id: this.storyId, expectedVersion: this.#version, changes })
      .then(
        (story) => {
          this.#version = story.version;
          this.#retries = 0;
          this.#inFlight = null;
          if (!this.#hasPending) leftBehind.delete(this);
          this.#setState(this.#hasPending ? { kind: 'unsaved' } : this.#heldState());
          this.onSaved(story);
        },
        (error: unknown) => {
          this.#inFlight = null;
          this.#pending = { ...changes, ...this.#pending };
          if (this.#bodySource) delete this.#pending.body;
          const reason = error instanceof Error ? error.message : String(error);
          if (error instanceof ApiError && !RETRYABLE.has(error.code)) {
            if (error.code === 'conflict' && leftBehind.has(this)) {
              this.#pending = {};
              return this.#keepAsCopy(changes);
            }
            leftBehind.delete(this);
            this.#setState(
              error.code === 'conflict' ? { kind: 'conflict', message: reason } : { kind: 'failed', reason },
            );
            return;
          }
          this.#setState({ kind: 'retrying', reason });
          const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** this.#retries++);
          this.#schedule(delay);
        },
      );
    return this.#inFlight;
  };

  /**
   * A closed story's edits met someone else's save: nobody is there to choose, so they are kept as a
   * copy of the story (what "Keep mine as a copy" does), retried until the host takes it.
   */
  async #keepAsCopy(changes: StoryChanges): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const theirs = await this.client.call('stories:get', { id: this.storyId });
        const mine = { ...storyFieldsOf(theirs), ...changes };
        await this.client.call('stories:create', {
          ...mine,
          headline: `${mine.headline || 'Untitled story'} (my version)`,
          slug: '',
        });
        break;
      } catch (error) {
        if (error instanceof ApiError && !RETRYABLE.has(error.code)) break;
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** attempt)),
        );
      }
    }
    leftBehind.delete(this);
    this.#setState({ kind: 'saved' });
  }

  #hold({ valid, refused, problems }: CheckedChanges): void {
    const held: StoryChanges = { ...this.#held, ...refused };
    for (const key of Object.keys(valid) as (keyof StoryFields)[]) delete held[key];
    this.#held = held;
    const next: FieldProblems = {};
    for (const key of Object.keys(held) as (keyof StoryFields)[])
      next[key] = problems[key] ?? this.#problems[key];
    const same =
      Object.keys(next).length === Object.keys(this.#problems).length &&
      (Object.keys(next) as (keyof StoryFields)[]).every((key) => next[key] === this.#problems[key]);
    if (!same) this.#problems = Object.keys(next).length ? next : NO_PROBLEMS;
  }

  /** Saved, unless some field is held back: then failed, naming the fields. */
  #heldState(): SaveState {
    const fields = Object.keys(this.#problems) as (keyof StoryFields)[];
    if (fields.length === 0) return { kind: 'saved' };
    const reason = fields.map((field) => `${FIELD_NAMES[field]}: ${this.#problems[field]}`).join('; ');
    return { kind: 'failed', reason: `${reason} — the rest of the story is saved` };
  }

  /** A save waiting to retry (the host was unreachable) goes now, its back-off forgotten. */
  retryNow(): void {
    if (this.#state.kind !== 'retrying' || this.#inFlight) return;
    this.#retries = 0;
    void this.flush();
  }

  /**
   * A live desk story's row moved on by the core's projection of its doc (the body goes there, not here): later
   * saves of fields are based on it, keeping the changes still pending.
   */
  follow(version: number): void {
    if (!this.#inFlight && version > this.#version) this.#version = version;
  }

  /** Forgets unsaved changes and continues from the stored story (after "Reload"). */
  reset(version: number): void {
    this.#cancelTimer();
    this.#held = {};
    this.#problems = NO_PROBLEMS;
    this.#pending = {};
    this.#bodySource = null;
    this.#version = version;
    this.#retries = 0;
    this.#setState({ kind: 'saved' });
  }

  /** The story is open in this window again (also after React's StrictMode remount). */
  attach(): void {
    leftBehind.delete(this);
    open.add(this);
  }

  /**
   * The story was closed. Changes not yet stored keep being sent in the background until they land;
   * in conflict or after a refusal they are dropped, as the user was asked before leaving (see leaveWarning).
   */
  dispose(): Promise<void> {
    open.delete(this);
    if (this.#bodySource) {
      this.#pending.body = this.#bodySource(); // the editor is going away
      this.#bodySource = null;
    }
    if (!this.#trying) {
      this.#cancelTimer();
      return Promise.resolve();
    }
    leftBehind.add(this);
    return this.flush();
  }

  /**
   * Whether to cancel a window close because these changes can never be saved (conflict, refusal):
   * only the first close, marking the state so the notice can say that closing again leaves them unsaved.
   */
  refuseCloseOnce(): boolean {
    const state = this.#state;
    if ((state.kind !== 'conflict' && state.kind !== 'failed') || state.closeRefused) return false;
    this.#setState({ ...state, closeRefused: true });
    return true;
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
  }

  #cancelTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
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
    case 'failed':
      return `Not saved — ${state.reason}${state.closeRefused ? ' (close again to leave it unsaved)' : ''}`;
    case 'conflict':
      return 'Not saved — changed elsewhere';
  }
}

/** Every save waiting to retry goes now: the host answered again, or the person asked. */
export function retrySavesNow(): void {
  for (const saver of [...open, ...leftBehind]) saver.retryNow();
}

/** Whether changes of stories no longer open are still on their way. */
export function hasBackgroundSaves(): boolean {
  return leftBehind.size > 0;
}

/** Sends the background saves now (window hidden or closing); resolves when each attempt has an answer. */
export function flushBackgroundSaves(): Promise<void> {
  return Promise.all([...leftBehind].map((saver) => saver.flush())).then(() => undefined);
}

/** Whether changes typed in this story before it was closed are still on their way. */
export function isSavingInBackground(storyId: string): boolean {
  return [...leftBehind].some((saver) => saver.storyId === storyId);
}

/** Resolves once no background save of this story is on its way, so opening it shows what was typed. */
export function backgroundSaveSettled(storyId: string): Promise<void> {
  const saver = [...leftBehind].find((candidate) => candidate.storyId === storyId);
  if (!saver) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = saver.subscribe(() => {
      if (leftBehind.has(saver)) return;
      unsubscribe();
      resolve();
    });
  });
}

/** Why leaving the open story would drop changes typed in it, or null when nothing would be lost. */
export function leaveWarning(): string | null {
  for (const saver of open) {
    const { state } = saver;
    if (state.kind === 'conflict')
      return 'This story was changed in another window, so your latest edits are not saved. Leave it and discard them? (Cancel to stay, then reload their version or keep yours as a copy.)';
    if (state.kind === 'failed' && saver.hasUnsavedChanges)
      return `Your latest edits to this story are not saved: ${state.reason}. Leave it and discard them?`;
  }
  return null;
}
