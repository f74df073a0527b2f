import type { Hocuspocus } from '@hocuspocus/server';
import type Database from 'better-sqlite3';
import { ulid } from 'ulid';
import * as Y from 'yjs';
import { writeStoryAuthor } from '../services/desk/storyAuthor';
import { COMMENTS_LOG, FIELDS_MAP } from '../../shared/domain/storyDocShape';
import type { DeskPerson } from './deskPeople';
import type { DeskWorkflow } from './deskWorkflow';
import type { DocumentStore } from './documentStore';

const PREFIX = 'Correction: ';
const FROZEN = new Set(['published', 'spiked']);

/** Published or spiked: the story's document takes no edits; they go into its correction draft. */
export const isFrozen = (status: string | undefined) => FROZEN.has(status ?? '');

/**
 * The one correction draft of each published or spiked story. Every edit that arrives for such a story, over
 * any connection or from any machine, goes into that draft: a desk story forked from the story's document
 * (the same Yjs items, so an edit made on the story applies to it unchanged), titled "Correction: …".
 */
export function deskCorrections(deps: {
  db: Database.Database;
  workflow: DeskWorkflow;
  store: DocumentStore;
  hocuspocus: () => Hocuspocus;
  now?: () => Date;
}) {
  const { db, workflow, store } = deps;
  const now = deps.now ?? (() => new Date());
  const byStory = db.prepare<[string], { correctionId: string }>(
    'SELECT correction_id AS correctionId FROM corrections WHERE story_id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO corrections (story_id, correction_id, created_by, created_at) VALUES (?, ?, ?, ?)',
  );
  const create = db.transaction((storyId: string, correctionId: string, person: DeskPerson) => {
    workflow.register(correctionId, person);
    insert.run(storyId, correctionId, person.id, now().toISOString());
  });
  // One diversion per story at a time, or two arriving together would make two drafts.
  const queues = new Map<string, Promise<unknown>>();

  /** Puts the correction's title back when an edit of the story's headline replaced it. */
  function keepTitle(doc: Y.Doc, original: Y.Doc) {
    const fields = doc.getMap<unknown>(FIELDS_MAP);
    const headline = typeof fields.get('headline') === 'string' ? (fields.get('headline') as string) : '';
    if (headline.startsWith(PREFIX)) return;
    const base = headline || String(original.getMap<unknown>(FIELDS_MAP).get('headline') ?? '');
    fields.set('headline', `${PREFIX}${base}`.slice(0, 300));
  }

  function fork(doc: Y.Doc, original: Y.Doc, person: DeskPerson) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(original));
    doc.transact(() => {
      const fields = doc.getMap<unknown>(FIELDS_MAP);
      fields.set('slug', '');
      fields.delete('author');
      // The story's comment threads stay with the story.
      const log = doc.getArray(COMMENTS_LOG);
      if (log.length > 0) log.delete(0, log.length);
    });
    writeStoryAuthor(doc, person.name, null);
  }

  async function divertNow(storyId: string, original: Y.Doc, update: Uint8Array, person: DeskPerson) {
    const existing = byStory.get(storyId)?.correctionId ?? null;
    const correctionId = existing ?? ulid();
    const name = `story/${correctionId}`;
    const direct = await deps.hocuspocus().openDirectConnection(name, {});
    try {
      const live = direct.document!;
      const answer = () => ({ correctionId, snapshot: Y.encodeSnapshot(Y.snapshot(live)) });
      if (existing && Y.snapshotContainsUpdate(Y.snapshot(live), update)) return answer();
      const draft = new Y.Doc({ gc: false });
      Y.applyUpdate(draft, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(draft);
      if (!existing) fork(draft, original, person);
      Y.applyUpdate(draft, update);
      keepTitle(draft, original);
      const change = Y.encodeStateAsUpdate(draft, before);
      draft.destroy();
      // Stored before it is applied, like every update the desk takes.
      await store.append(name, change);
      Y.applyUpdate(live, change);
      if (!existing) create(storyId, correctionId, person);
      return answer();
    } finally {
      await direct.disconnect();
    }
  }

  return {
    correctionOf: (storyId: string) => byStory.get(storyId)?.correctionId ?? null,
    /**
     * Puts `update`, made on the frozen story `storyId`, into its correction draft; answers the draft's id and a
     * snapshot of it afterwards (by which a sender tells that all its edits are in).
     */
    divert(
      storyId: string,
      original: Y.Doc,
      update: Uint8Array,
      person: DeskPerson,
    ): Promise<{ correctionId: string; snapshot: Uint8Array }> {
      const previous = queues.get(storyId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => divertNow(storyId, original, update, person));
      queues.set(storyId, next);
      const done = () => {
        if (queues.get(storyId) === next) queues.delete(storyId);
      };
      next.then(done, done);
      return next;
    },
  };
}

export type DeskCorrections = ReturnType<typeof deskCorrections>;
