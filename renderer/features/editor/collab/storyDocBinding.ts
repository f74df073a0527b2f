import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Client } from '../../../api/client';
import {
  FIELDS_MAP,
  SYNCED_FIELDS,
  type SyncedField,
  type SyncedFields,
} from '../../../../shared/domain/storyDocShape';
import { afterNextFrame } from './afterNextFrame';
import { othersChanged, type AwarenessChanges } from './othersAwareness';
import { fromBase64, toBase64 } from './base64';
import { presenceUserOf, type PresenceUser } from './presenceColors';
import { liveDocs } from '../../../api/liveDocs';

/** Transaction origin of what came from the core, so it is not sent back. */
const FROM_CORE = Symbol('from-core');
/** Transaction origin of this window's story form writing its fields. */
const FROM_FORM = Symbol('from-form');
/** The core is asked again now and then, so an event lost on the way (a dropped event stream) heals. */
const RESYNC_MS = 5_000;
/** After a refused or lost update, the core is asked again this soon (the resync sends what it lacks). */
const RETRY_MS = 1_000;

/** Whether the core has every edit made in this window: what the status bar says of the body. */
export type BodySaveState = 'saved' | 'saving' | 'retrying';

const noSubscription = () => () => undefined;
/** For useSyncExternalStore over a binding that may be absent (solo mode). */
export const subscribeTo = (binding: StoryDocBinding | null | undefined) =>
  binding?.subscribe ?? noSubscription;

const newTag = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => (byte % 36).toString(36)).join('');

export interface PresencePerson extends PresenceUser {
  clientId: number;
}

const samePeople = (a: PresencePerson[], b: PresencePerson[]) =>
  a.length === b.length &&
  a.every((person, i) =>
    (Object.keys(person) as (keyof PresencePerson)[]).every((key) => person[key] === b[i]![key]),
  );

/**
 * A desk story's body as this window's own Y.Doc and awareness, kept in step with the core's copy (which alone
 * talks to the desk) through desk:docSync/docUpdate/awareness and the deskDoc/deskPresence events. It never
 * seeds the doc: what the editor shows is what the core's doc holds.
 */
export class StoryDocBinding {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly tag = newTag();
  readOnly = false;
  /** Set when an edit went into a correction draft (the story is published or spiked). */
  correctionId: string | null = null;
  #offs: (() => void)[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #listeners = new Set<() => void>();
  #people: PresencePerson[] = [];
  #destroyed = false;
  #live = false;
  #failed = false;
  #retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: Client,
    readonly storyId: string,
    readonly user: PresenceUser,
  ) {}

  /** Loads the core's doc and who is on it; resolves once the editor can be made from it. */
  async start(): Promise<void> {
    const { storyId, tag } = this;
    this.#offs.push(
      this.client.on('deskDoc:changed', (event) => {
        if (event.storyId === storyId && event.from !== tag)
          Y.applyUpdate(this.doc, fromBase64(event.update), FROM_CORE);
      }),
      this.client.on('deskPresence:changed', (event) => {
        if (event.storyId === storyId && event.from !== tag)
          applyAwarenessUpdate(this.awareness, fromBase64(event.update), FROM_CORE);
      }),
    );
    await this.#sync();
    if (!this.#destroyed) {
      liveDocs.add(storyId);
      this.#live = true;
    }
    this.doc.on('update', this.#sendUpdate);
    this.awareness.on('update', this.#sendAwareness);
    this.awareness.on('change', this.#peopleChanged);
    this.awareness.setLocalStateField('user', this.user);
    this.#readPeople(); // those already on the story came with the sync, before the listener
    this.#timer = setInterval(() => void this.#sync().catch(() => undefined), RESYNC_MS);
  }

  /** Yjs sync both ways: what the core holds beyond this doc, then what this doc holds beyond the core. */
  async #sync(): Promise<void> {
    const answer = await this.client.call('desk:docSync', {
      storyId: this.storyId,
      from: this.tag,
      stateVector: toBase64(Y.encodeStateVector(this.doc)),
    });
    if (this.#destroyed) return;
    this.readOnly = answer.readOnly;
    Y.applyUpdate(this.doc, fromBase64(answer.update), FROM_CORE);
    applyAwarenessUpdate(this.awareness, fromBase64(answer.awareness), FROM_CORE);
    const missing = Y.encodeStateAsUpdate(this.doc, fromBase64(answer.stateVector));
    // An empty update is two zero bytes.
    if (!this.readOnly && missing.length > 2) this.#sendUpdate(missing, null);
    else if (this.#failed) {
      // The core has every edit of this doc, those still waiting to be sent too.
      this.#pendingUpdates = [];
      this.#failed = false;
      this.#notify();
    }
  }

  /** 'saving' while an edit is on its way to the core, 'retrying' after one did not arrive. */
  get bodyState(): BodySaveState {
    if (this.#failed) return 'retrying';
    return this.#sendingUpdate || this.#pendingUpdates.length > 0 ? 'saving' : 'saved';
  }

  #retrySoon() {
    if (this.#retry !== undefined || this.#destroyed) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#sync().catch(() => this.#retrySoon());
    }, RETRY_MS);
  }

  /**
   * Edits and the caret go to the core after the key event that made them, merged: a request from inside
   * the transaction made each keystroke wait for its encoding and fetch. One request of each kind is on its
   * way at a time; what is typed meanwhile goes in the next one.
   */
  #pendingUpdates: Uint8Array[] = [];
  #awarenessPending = false;
  #cancelFlush: (() => void) | undefined;
  #sendingUpdate = false;
  #sendingAwareness = false;

  #sendUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_CORE) return;
    const before = this.bodyState;
    this.#pendingUpdates.push(update);
    this.#notifyIfChanged(before);
    this.#flushSoon();
  };

  #sendAwareness = ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
    if (origin === FROM_CORE) return;
    if (![...added, ...updated, ...removed].includes(this.doc.clientID)) return;
    this.#awarenessPending = true;
    this.#flushSoon();
  };

  #flushSoon() {
    if (this.#destroyed) return;
    // After the paint, so the encoding and the request never sit between a keydown and its frame.
    this.#cancelFlush ??= afterNextFrame(() => {
      this.#cancelFlush = undefined;
      this.#flush();
    });
  }

  #flush() {
    if (this.#destroyed || this.#sendingUpdate) return;
    if (this.#pendingUpdates.length > 0) this.#postUpdates();
    // A caret moved with an edit on its way goes with the next edit, or alone once that one is answered.
    else if (!this.#sendingAwareness && this.#awarenessPending) this.#postAwareness();
  }

  #postUpdates() {
    const updates = this.#pendingUpdates;
    this.#pendingUpdates = [];
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    // The caret that moved with the edit goes in the same request.
    const withCaret = this.#awarenessPending && !this.#sendingAwareness;
    if (withCaret) this.#awarenessPending = false;
    this.#sendingUpdate = true;
    const settle = (failed: boolean) => {
      const before = this.bodyState;
      this.#sendingUpdate = false;
      this.#failed = failed;
      this.#notifyIfChanged(before);
      if (failed)
        this.#retrySoon(); // the resync sends what the core is missing
      else this.#flush();
    };
    void this.client
      .call('desk:docUpdate', {
        storyId: this.storyId,
        from: this.tag,
        update: toBase64(update),
        ...(withCaret ? { awareness: this.#ownAwareness() } : {}),
      })
      .then(
        ({ correctionId }) => {
          if (correctionId && correctionId !== this.correctionId) {
            this.correctionId = correctionId;
            this.#notify();
          }
          settle(false);
        },
        () => settle(true),
      );
  }

  #postAwareness() {
    this.#awarenessPending = false;
    this.#sendingAwareness = true;
    void this.client
      .call('desk:awareness', {
        storyId: this.storyId,
        from: this.tag,
        update: this.#ownAwareness(),
      })
      .catch(() => undefined)
      .finally(() => {
        this.#sendingAwareness = false;
        this.#flush();
      });
  }

  #ownAwareness = () => toBase64(encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));

  #peopleChanged = (changes: AwarenessChanges) => {
    // This window's own caret moves with every keystroke; it is not one of the others.
    if (othersChanged(changes, this.doc.clientID)) this.#readPeople();
  };

  #readPeople() {
    const people: PresencePerson[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      const user = presenceUserOf(state);
      if (clientId === this.doc.clientID || !user) continue;
      if (people.some((person) => person.personId === user.personId && person.name === user.name)) continue;
      people.push({ ...user, clientId });
    }
    if (samePeople(people, this.#people)) return;
    this.#people = people;
    this.#notify();
  }

  /** The story fields the doc holds (a field it never had is left out). */
  get fields(): Partial<SyncedFields> {
    const map = this.doc.getMap<unknown>(FIELDS_MAP);
    const fields: Record<string, unknown> = {};
    for (const key of SYNCED_FIELDS) if (map.has(key)) fields[key] = map.get(key) ?? null;
    return fields as Partial<SyncedFields>;
  }

  /** Writes story fields into the doc: they reach the core (and its row), the desk and the others like body edits. */
  writeFields(changes: Partial<SyncedFields>): void {
    const map = this.doc.getMap<unknown>(FIELDS_MAP);
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(changes)) if (map.get(key) !== value) map.set(key, value);
    }, FROM_FORM);
  }

  /** Calls `listener` with the fields changed from elsewhere (another window or machine, or a save in the core). */
  onFieldsFromElsewhere(listener: (changed: Partial<SyncedFields>) => void): () => void {
    const map = this.doc.getMap<unknown>(FIELDS_MAP);
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (event.transaction.origin === FROM_FORM) return;
      const changed: Record<string, unknown> = {};
      for (const key of event.keysChanged)
        if ((SYNCED_FIELDS as readonly string[]).includes(key))
          changed[key as SyncedField] = map.get(key) ?? null;
      if (Object.keys(changed).length > 0) listener(changed as Partial<SyncedFields>);
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  }

  /** The other people on this story now (one entry per person, however many windows they have open). */
  get people(): PresencePerson[] {
    return this.#people;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Listeners hear of the body's save state only when it changes, not on every keystroke's update. */
  #notifyIfChanged(before: BodySaveState) {
    if (this.bodyState !== before) this.#notify();
  }

  #notify() {
    this.#listeners.forEach((listener) => listener());
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    if (this.#live) liveDocs.remove(this.storyId);
    clearInterval(this.#timer);
    clearTimeout(this.#retry);
    this.#cancelFlush?.();
    this.#offs.forEach((off) => off());
    // Tells the others this window left, and sends what was typed last, before the listeners go.
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'closed');
    if (this.#pendingUpdates.length > 0) this.#postUpdates();
    this.#postAwareness();
    this.awareness.off('update', this.#sendAwareness);
    this.awareness.off('change', this.#peopleChanged);
    this.awareness.destroy();
    this.doc.off('update', this.#sendUpdate);
    this.doc.destroy();
  }
}
