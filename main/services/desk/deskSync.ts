import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type Database from 'better-sqlite3';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { z } from 'zod';
import { StoryFields, type Story, type StoryStatus } from '../../../shared/domain/story';
import { slugThatFollowed } from '../../../shared/domain/slugThatFollowed';
import { isSyncedField, type SyncedField } from '../../../shared/domain/storyDocShape';
import type {
  DeskAction,
  DeskJoinInput,
  DeskStatus,
  DeskStoryState,
} from '../../../shared/ipc/channels/desk';
import { AppError } from '../../../shared/ipc/errors';
import { slugify } from '../../../shared/domain/slug';
import type { CoreEvents } from '../../core/coreEvents';
import type { SecretBox } from '../../publish/secrets/secretBox';
import type { StoryChange, StoryService, StoryWriteFacts, VersionMove } from '../stories/storyService';
import { deskHttp, DeskRefusal, DeskStoryWire, type DeskHttp } from './deskHttp';
import { deskQueries, type MembershipRow } from './deskQueries';
import { isEmptyStoryDoc, readStoryFromDoc, SYNCED_FIELDS, writeStoryToDoc } from './storyDoc';
import { watchFieldOverwrites } from './fieldOverwrites';
import { FROM_THIS_MACHINE, openStoryDoc, type StoryDocSync } from './storyDocSync';
import { readStoryAuthor, writeStoryAuthor } from './storyAuthor';
import { sameBody } from './sameBody';
import { FromEditor } from './storyDocRelay';

export interface DeskSyncDeps {
  db: Database.Database;
  stories: StoryService;
  secrets: SecretBox;
  events: CoreEvents;
  now: () => Date;
  log?: (error: unknown) => void;
  /** How often the desk's story list is read (ms). */
  pollMs?: number;
  // --- desk UI (#12): hooks for the workflow record, the comment log and the people ---
  /** Makes the local row follow the desk's status (with the move on record); a bare status write without it. */
  applyStatus?: (
    storyId: string,
    status: StoryStatus,
    state: { note: string | null; changedAfterApproval: boolean; actedBy: DeskActor | null },
  ) => void;
  /** A story's doc was opened here (replayed from the local store). */
  onDoc?: (storyId: string, doc: Y.Doc) => void;
  /** A story moved to the desk from here: its doc was just made from the story row. */
  onSeeded?: (storyId: string, doc: Y.Doc) => void;
  /** The doc was projected into the story row (which exists from then on). */
  onProjected?: (storyId: string) => void;
  /** The desk answered a poll (so its people may have changed). */
  onPolled?: () => void;
  // --- end desk UI ---
}

const PROJECT_DELAY_MS = 30;
/**
 * A live editor's own edits reach the row at this pace: each projection is a save (a revision, the search index,
 * a `stories:changed` every window hears), which per key cost more than the key. Calls about the row run the
 * waiting projection first (rowsBeforeCalls), so nobody reads or writes a row older than the doc.
 */
const LIVE_PROJECT_MS = 1_000;
const CORRECTION_WAIT_MS = 2_000;

export type DeskActor = { id: string; name: string };

/**
 * A story row's run of versions written by projections of its doc alone, one after another: `from` is the version
 * before the first, `to` the row's version after the last.
 */
export type ProjectedVersions = VersionMove;

/** ws emits 'error' events nobody listens to when closed while connecting; the provider learns of errors through onerror. */
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => {});
  }
}

/**
 * The newsroom desk seen from this machine: membership, one Y.Doc per desk story kept in the local
 * SQLite and synced through Hocuspocus, the story rows as their projection, and workflow
 * transitions sent to the desk (waiting in an outbox while it is out of reach).
 */
export function createDeskSync(deps: DeskSyncDeps) {
  const queries = deskQueries(deps.db);
  const { stories, events } = deps;
  const log = deps.log ?? (() => {});
  const docs = new Map<string, StoryDocSync>();
  const projectTimers = new Map<string, { timer: NodeJS.Timeout; due: number }>();
  const projectedRuns = new Map<string, ProjectedVersions>();
  let socket: HocuspocusProviderWebsocket | null = null;
  let http: DeskHttp | null = null;
  let membership: MembershipRow | null = null;
  let token: string | null = null;
  let poller: NodeJS.Timeout | null = null;
  let online = false;
  let projecting = false;
  let closed = false;
  // desk UI (#12): the desk's last return note and actor per story, for the local record of the move.
  const moves = new Map<string, { note: string | null; actedBy: DeskActor | null }>();

  const storyOrNull = (id: string): Story | null => {
    try {
      return stories.get(id);
    } catch {
      return null;
    }
  };
  const versionOf = (id: string): number | null => {
    try {
      return stories.head(id).version;
    } catch {
      return null;
    }
  };

  function stateOf(storyId: string): DeskStoryState {
    const row = queries.story(storyId);
    return {
      storyId,
      onDesk: row !== null,
      status: row?.deskStatus ?? null,
      version: row?.deskVersion ?? 0,
      changedAfterApproval: row?.changedAfterApproval ?? false,
      mergedOfflineAt: row?.mergedOfflineAt ?? null,
      correctionId: row?.correctionId ?? null,
      pending: queries.outboxOf(storyId).map(({ action, state, message }) => ({ action, state, message })),
      overwrites: queries
        .overwritesOf(storyId)
        .flatMap(({ field, kept, lost, at }) =>
          isSyncedField(field)
            ? [{ field, kept: JSON.parse(kept) as unknown, lost: JSON.parse(lost) as unknown, at }]
            : [],
        ),
    };
  }

  /** Writes what the doc holds into the story row (creating it on a machine that never had it). */
  function project(storyId: string): void {
    const sync = docs.get(storyId);
    if (!sync || isEmptyStoryDoc(sync.doc)) return;
    const story = storyOrNull(storyId);
    projecting = true;
    try {
      // Another machine wrote these fields: they pass the contract's checks like any save.
      if (!story) {
        const fields = readStoryFromDoc(sync.doc, { ...emptyFields(), body: { type: 'doc', content: [] } });
        stories.create(StoryFields.parse({ ...fields, slug: slugFollows(fields) ? '' : fields.slug }), {
          id: storyId,
          author: readStoryAuthor(sync.doc),
        });
      } else {
        const changes = changedFields(story, readStoryFromDoc(sync.doc, story));
        if (Object.keys(changes).length > 0) {
          const saved = stories.save(
            { id: storyId, expectedVersion: story.version, changes: StoryFields.partial().parse(changes) },
            undefined,
            { fromDoc: true },
          );
          const run = projectedRuns.get(storyId);
          projectedRuns.set(storyId, {
            from: run?.to === story.version ? run.from : story.version,
            to: saved.version,
          });
        }
      }
      applyDeskStatus(storyId);
      deps.onProjected?.(storyId);
    } catch (error) {
      log(error);
    } finally {
      projecting = false;
    }
  }

  function scheduleProjection(storyId: string, delayMs = PROJECT_DELAY_MS) {
    const due = Date.now() + delayMs;
    const waiting = projectTimers.get(storyId);
    if (waiting && waiting.due <= due) return;
    if (waiting) clearTimeout(waiting.timer);
    const timer = setTimeout(() => {
      projectTimers.delete(storyId);
      project(storyId);
    }, delayMs);
    projectTimers.set(storyId, { timer, due });
  }

  /** Runs every waiting projection now. */
  function projectWaiting(): void {
    for (const [storyId, { timer }] of projectTimers) {
      clearTimeout(timer);
      projectTimers.delete(storyId);
      project(storyId);
    }
  }

  /** The run of projections that wrote the story's row as it is now, if the last write of the row was one. */
  function projectedRun(storyId: string): ProjectedVersions | undefined {
    const run = projectedRuns.get(storyId);
    return run && versionOf(storyId) === run.to ? run : undefined;
  }

  /** The local row's status follows the desk (which alone decides it). */
  function applyDeskStatus(storyId: string) {
    const row = queries.story(storyId);
    const story = storyOrNull(storyId);
    if (!row?.deskStatus || !story || story.status === row.deskStatus) return;
    projecting = true;
    try {
      if (deps.applyStatus)
        deps.applyStatus(storyId, row.deskStatus, {
          note: moves.get(storyId)?.note ?? null,
          actedBy: moves.get(storyId)?.actedBy ?? null,
          changedAfterApproval: row.changedAfterApproval,
        });
      else
        stories.setStatus(story, row.deskStatus, {
          reason: 'status',
          label: 'Status from the desk',
        });
    } finally {
      projecting = false;
    }
  }

  function openDoc(storyId: string): StoryDocSync {
    const existing = docs.get(storyId);
    if (existing) return existing;
    const sync = openStoryDoc({
      storyId,
      queries,
      socket: socket!,
      token: () => token ?? '',
      onRemoteChange: (origin) =>
        scheduleProjection(storyId, origin instanceof FromEditor ? LIVE_PROJECT_MS : PROJECT_DELAY_MS),
      onSynced: () => {
        if (queries.mergedOffline(storyId, deps.now().getTime())) events.emit('desk:changed', { storyId });
        scheduleProjection(storyId);
      },
      onStateless: (payload) => {
        const message = parseDeskMessage(payload);
        if (message?.workflow) recordDeskState(message.workflow);
        if (message?.correction) settleCorrection(message.correction);
      },
    });
    const unwatch = watchFieldOverwrites(
      sync.doc,
      (origin) => origin === sync.provider,
      (overwrites) => {
        queries.addOverwrites(storyId, overwrites, deps.now().getTime());
        events.emit('desk:changed', { storyId });
      },
    );
    docs.set(storyId, { ...sync, destroy: () => (unwatch(), sync.destroy()) });
    deps.onDoc?.(storyId, sync.doc);
    return docs.get(storyId)!;
  }

  function recordDeskState(state: DeskStoryWire) {
    const before = queries.story(state.id);
    queries.addStory(state.id);
    if (state.correctionId) noteCorrection(state.id, state.correctionId);
    if (before && before.deskVersion >= state.version) return;
    moves.set(state.id, { note: state.note, actedBy: state.actedBy ?? null });
    queries.setStoryState(state.id, state.version, state.status, state.changedAfterApproval);
    applyDeskStatus(state.id);
    events.emit('desk:changed', { storyId: state.id });
  }

  function noteCorrection(storyId: string, correctionId: string) {
    if (queries.story(storyId)?.correctionId === correctionId) return;
    queries.setCorrection(storyId, correctionId);
    events.emit('desk:changed', { storyId });
  }

  /**
   * The desk put edits this machine sent for a frozen story into its correction. Once every edit this machine
   * holds beyond the desk's copy is in the correction, the story here goes back to the desk's copy, so the
   * published story reads as published on every machine and the edits are only in the correction.
   */
  function settleCorrection(message: CorrectionMessage) {
    const { storyId, correctionId } = message;
    noteCorrection(storyId, correctionId);
    const sync = docs.get(storyId);
    if (!sync) return;
    const deskCopy = fromBase64(message.story);
    const extra = Y.encodeStateAsUpdate(sync.doc, Y.encodeStateVectorFromUpdate(deskCopy));
    if (!Y.snapshotContainsUpdate(Y.decodeSnapshot(fromBase64(message.correction)), extra)) return;
    // Not inside the provider's own message handling.
    setTimeout(() => {
      if (closed || docs.get(storyId) !== sync) return;
      sync.destroy();
      docs.delete(storyId);
      queries.replaceUpdates(storyId, deskCopy);
      openDoc(storyId);
      scheduleProjection(storyId);
    }, 0);
  }

  async function poll() {
    if (!http || closed) return;
    try {
      const list = await http.stories();
      setOnline(true);
      deps.onPolled?.();
      for (const state of list) {
        recordDeskState(state);
        openDoc(state.id);
      }
      await flushOutbox();
    } catch (error) {
      setOnline(false);
      if (!(error instanceof AppError && error.code === 'unavailable')) log(error);
    }
  }

  function setOnline(now: boolean) {
    if (online === now) return;
    online = now;
    events.emit('desk:changed', {});
  }

  async function flushOutbox() {
    for (const entry of queries.waiting()) {
      try {
        const state = await http!.transition(entry.storyId, {
          action: entry.action,
          baseVersion: entry.baseVersion,
          ...(entry.note ? { note: entry.note } : {}),
        });
        queries.dequeue(entry.id);
        recordDeskState(state);
      } catch (error) {
        if (!(error instanceof DeskRefusal)) throw error;
        // Refused (stale, not allowed): back to the person, never applied silently.
        queries.refuse(entry.id, error.message);
        events.emit('desk:changed', { storyId: entry.storyId });
      }
    }
  }

  function connect(row: MembershipRow) {
    membership = row;
    token = deps.secrets.open(row.tokenSealed);
    http = deskHttp(row.address, () => token);
    socket = new HocuspocusProviderWebsocket({
      url: `${row.address.replace(/^http/, 'ws').replace(/\/$/, '')}/ws`,
      WebSocketPolyfill: QuietWebSocket,
      delay: 250,
      minDelay: 250,
      maxDelay: 2_000,
    });
    for (const { storyId } of queries.stories()) {
      openDoc(storyId);
      // A live edit paced away from the row when the process last stopped is in the stored doc.
      scheduleProjection(storyId);
    }
    poller = setInterval(() => void poll(), deps.pollMs ?? 1_000);
    void poll();
  }

  const stored = queries.membership();
  if (stored) connect(stored);

  const mustJoin = () => {
    if (!membership || !http) throw new AppError('conflict', 'This Copydesk has not joined a newsroom desk.');
    return { membership, http };
  };

  return {
    status: (): DeskStatus =>
      membership
        ? {
            joined: true,
            address: membership.address,
            person: { id: membership.personId, name: membership.personName, role: membership.role },
            online,
          }
        : { joined: false },

    async join(input: DeskJoinInput): Promise<DeskStatus> {
      if (membership)
        throw new AppError('conflict', `This Copydesk already belongs to the desk at ${membership.address}.`);
      const address = input.address.replace(/\/$/, '');
      try {
        const joined = await deskHttp(address, () => null).join(input.code, input.name);
        const row: MembershipRow = {
          address,
          personId: joined.person.id,
          personName: joined.person.name,
          role: joined.person.role,
          tokenSealed: deps.secrets.seal(joined.token),
        };
        queries.setMembership(row, deps.now().getTime());
        online = true;
        connect(row);
      } catch (error) {
        if (error instanceof DeskRefusal) throw new AppError('unauthorized', error.message);
        throw error;
      }
      events.emit('desk:changed', {});
      return {
        joined: true,
        address,
        person: { id: membership!.personId, name: membership!.personName, role: membership!.role },
        online: true,
      };
    },

    async invite(input: { name: string; role: 'reporter' | 'editor' }) {
      const desk = mustJoin();
      return await desk.http.invite(input.name, input.role).catch(refusedAsAppError);
    },

    people: () => mustJoin().http.people(),

    async remove(personId: string): Promise<void> {
      const desk = mustJoin();
      if (personId === desk.membership.personId)
        throw new AppError('conflict', 'You cannot remove yourself from the desk.');
      await desk.http.remove(personId).catch(refusedAsAppError);
    },

    /** Puts back this machine's value of a field another machine's replaced (a save, so it reaches the desk), or keeps theirs. */
    settleOverwrite(input: {
      storyId: string;
      field: SyncedField;
      choice: 'restore' | 'keep';
    }): DeskStoryState {
      const overwrite = stateOf(input.storyId).overwrites.find(({ field }) => field === input.field);
      if (!overwrite)
        throw new AppError('not-found', 'That field has no value from another machine to settle.');
      const slug =
        input.field === 'headline' ? slugThatFollowed(stateOf(input.storyId).overwrites) : undefined;
      const settled = slug ? [overwrite, slug] : [overwrite];
      if (input.choice === 'restore') {
        const story = stories.get(input.storyId);
        stories.save({
          id: story.id,
          expectedVersion: story.version,
          // The slug that followed the headline follows it again (an empty slug), rather than becoming edited.
          changes: StoryFields.partial().parse(
            Object.fromEntries(settled.map((entry) => [entry.field, entry === slug ? '' : entry.lost])),
          ),
        });
      }
      for (const { field } of settled) queries.settleOverwrite(input.storyId, field);
      events.emit('desk:changed', { storyId: input.storyId });
      return stateOf(input.storyId);
    },

    /** Moves a story written here to the desk: its document is made from the story here, once. */
    async share(storyId: string): Promise<DeskStoryState> {
      const desk = mustJoin();
      const story = stories.get(storyId);
      const state = await desk.http.register(storyId);
      recordDeskState(state);
      const sync = openDoc(storyId);
      // desk UI (#12): edits saved while the desk answered are in the row, not yet in the doc.
      if (isEmptyStoryDoc(sync.doc)) {
        writeStoryToDoc(sync.doc, stories.get(story.id), FROM_THIS_MACHINE);
        writeStoryAuthor(sync.doc, story.author, FROM_THIS_MACHINE);
        deps.onSeeded?.(storyId, sync.doc);
      }
      return stateOf(storyId);
    },

    storyState: stateOf,

    async transition(input: { storyId: string; action: DeskAction; note?: string }): Promise<DeskStoryState> {
      mustJoin();
      const row = queries.story(input.storyId);
      if (!row) throw new AppError('not-found', 'This story is not on the desk.');
      queries.clearRefused(input.storyId);
      queries.enqueue(
        {
          storyId: input.storyId,
          action: input.action,
          baseVersion: row.deskVersion,
          note: input.note ?? null,
        },
        deps.now().getTime(),
      );
      try {
        await flushOutbox();
        setOnline(true);
      } catch {
        setOnline(false);
      }
      events.emit('desk:changed', { storyId: input.storyId });
      return stateOf(input.storyId);
    },

    /** Story write hook: an edit made on this machine goes into the story's doc (and so to the desk). */
    afterWrite(story: Story, change: StoryChange, facts: StoryWriteFacts = { bodyChanged: true }) {
      if (projecting || change === 'created') return;
      const sync = docs.get(story.id);
      if (!sync || isEmptyStoryDoc(sync.doc)) return;
      writeStoryToDoc(sync.doc, story, FROM_THIS_MACHINE, { withBody: facts.bodyChanged });
      if (!online || !sync.provider.isSynced) queries.noteOfflineEdit(story.id);
    },

    /** A desk story's live Y.Doc on this machine (for an editor bound to it), or null. */
    docOf: (storyId: string) => docs.get(storyId)?.doc ?? null,

    // --- For live editors (storyDocRelay.ts) ---
    /**
     * An edit from a live editor of a published or spiked story: into its correction (this machine's copy
     * when it has one, or through the desk, which makes it). With the desk out of reach it waits in the story's
     * doc here and the desk diverts it once it answers. Answers the correction's id, when known.
     */
    async correct(storyId: string, update: Uint8Array, origin: unknown): Promise<string | null> {
      const known = queries.story(storyId)?.correctionId ?? null;
      const draft = known ? docs.get(known) : undefined;
      if (known && draft && !isEmptyStoryDoc(draft.doc)) {
        Y.applyUpdate(draft.doc, update, origin);
        return known;
      }
      try {
        const { correctionId } = await mustJoin().http.correct(storyId, update);
        noteCorrection(storyId, correctionId);
        // So "Open the correction" opens it at once (a moment at most).
        await poll();
        for (let waited = 0; !storyOrNull(correctionId) && waited < CORRECTION_WAIT_MS; waited += 20)
          await new Promise((resolve) => setTimeout(resolve, 20));
        return correctionId;
      } catch (error) {
        // 409: restored meanwhile, so the story takes the edit itself.
        const restored = error instanceof DeskRefusal && error.status === 409;
        if (error instanceof DeskRefusal && !restored) refusedAsAppError(error);
        const sync = docs.get(storyId);
        if (sync) Y.applyUpdate(sync.doc, update, origin);
        return restored ? null : known;
      }
    },
    /** The story's awareness on the desk (who has it open, their carets), or null when not a desk story. */
    awarenessOf: (storyId: string) => docs.get(storyId)?.provider.awareness ?? null,
    /** A live editor changed the doc: marked as offline work when the desk has not got it. */
    noteEditorEdit(storyId: string) {
      const sync = docs.get(storyId);
      if (sync && (!online || !sync.provider.isSynced)) queries.noteOfflineEdit(storyId);
    },
    // --- end live editors ---

    /** Resolves once the desk acknowledged every update of this story made here; refuses after `ms`. */
    delivered(storyId: string, ms = 5_000): Promise<void> {
      const provider = docs.get(storyId)?.provider;
      if (!provider) return Promise.reject(new AppError('not-found', 'This story is not on the desk.'));
      return new Promise((resolve, reject) => {
        const check = () => {
          if (provider.isSynced && !provider.hasUnsyncedChanges) done(resolve);
        };
        const timer = setTimeout(
          () => done(() => reject(new AppError('unavailable', 'The desk did not take the change in time.'))),
          ms,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          provider.off('unsyncedChanges', check);
          provider.off('synced', check);
          settle();
        };
        provider.on('unsyncedChanges', check);
        provider.on('synced', check);
        check();
      });
    },

    projectWaiting,
    projectedRun,

    close() {
      closed = true;
      if (poller) clearInterval(poller);
      projectWaiting();
      for (const sync of docs.values()) sync.destroy();
      docs.clear();
      try {
        socket?.destroy();
      } catch {
        // ws throws when closed before it connected (the desk was out of reach): nothing to close then.
      }
    },
  };
}

export type DeskSync = ReturnType<typeof createDeskSync>;

function emptyFields(): Omit<StoryFields, 'body'> {
  return {
    headline: '',
    standfirst: '',
    byline: '',
    dateline: '',
    credit: '',
    slug: '',
    sectionId: null,
    featuredImage: null,
    embargoUntil: null,
  };
}

const slugFollows = (fields: Pick<StoryFields, 'slug' | 'headline'>) =>
  fields.slug === slugify(fields.headline);

function changedFields(story: Story, fields: ReturnType<typeof readStoryFromDoc>): Partial<StoryFields> {
  const changes: Partial<StoryFields> = {};
  for (const key of SYNCED_FIELDS) {
    if (fields[key] !== story[key]) Object.assign(changes, { [key]: fields[key] });
  }
  // The doc holds no "slug edited" flag: a slug that is its headline's still follows it (an empty slug
  // says so to the save), anything else is someone's own; a published story's slug never follows.
  if (changes.slug !== undefined || changes.headline !== undefined)
    changes.slug = slugFollows(fields) && story.status !== 'published' ? '' : fields.slug;
  // desk UI (#12): the same document spelled differently is no change.
  if (!sameBody(fields.body, story.body)) changes.body = fields.body;
  return changes;
}

const CorrectionMessage = z.object({
  storyId: z.string(),
  correctionId: z.string(),
  /** The desk's copy of the story, and a snapshot of its correction after the edits went in (base64). */
  story: z.string(),
  correction: z.string(),
});
type CorrectionMessage = z.infer<typeof CorrectionMessage>;
const DeskMessage = z.object({
  workflow: DeskStoryWire.optional(),
  correction: CorrectionMessage.optional(),
});

/** A stateless message of the desk on a story's document: its new workflow state, or where edits went. */
function parseDeskMessage(payload: string): z.infer<typeof DeskMessage> | null {
  try {
    const parsed = DeskMessage.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A desk's 4xx answer to a person's request, as the contract's error. */
function refusedAsAppError(error: unknown): never {
  if (error instanceof DeskRefusal)
    throw new AppError(error.status === 403 ? 'forbidden' : 'unauthorized', error.message);
  throw error;
}

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
