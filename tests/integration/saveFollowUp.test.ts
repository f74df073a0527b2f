import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE, type Core } from '../../main/core/createCore';
import type { RevisionSummary } from '../../shared/domain/revision';
import type { Story } from '../../shared/domain/story';
import type { LibraryPage } from '../../shared/ipc/contract';
import { paragraph } from '../support/docs';
import { tempDir } from '../support/tempDir';

const START = Date.parse('2026-03-01T09:00:00Z');

let dir: ReturnType<typeof tempDir>;
let now = START;
const open = (): Core =>
  createCore({
    dataDir: dir.path,
    appVersion: 'test',
    host: 'test',
    now: () => new Date(now),
    log: () => {},
  });
let core: Core;
beforeEach(() => {
  dir = tempDir();
  now = START;
  core = open();
});
afterEach(() => {
  if (core.database.open) core.close();
  dir.remove();
});

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** What the index and the revisions hold right now, read past the core. */
function stored() {
  const db = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      indexedWithWord: count(`SELECT count(*) FROM stories_fts WHERE stories_fts MATCH '"zanzibar"'`),
      staleInIndex: count('SELECT count(*) FROM search_stale'),
      revisions: count('SELECT count(*) FROM revisions'),
      pendingAutosaves: count('SELECT count(*) FROM revision_pending'),
    };
  } finally {
    db.close();
  }
}

const headlines = (page: LibraryPage) => page.items.map((row) => row.headline);

async function savedWithNewWord(): Promise<Story> {
  const story = await call<Story>('stories:create', {
    headline: 'Ferry',
    body: paragraph('The ferry sails'),
  });
  now += 60_000;
  return call<Story>('stories:save', {
    id: story.id,
    expectedVersion: story.version,
    changes: { body: paragraph('The ferry sails to Zanzibar') },
  });
}

describe('what a save leaves for after its answer', () => {
  it('answers once the story is stored; the next search reindexes it first and finds the new word', async () => {
    await savedWithNewWord();
    expect(stored()).toMatchObject({ indexedWithWord: 0, staleInIndex: 1 });
    expect(headlines(await call<LibraryPage>('library:query', { search: 'zanzibar' }))).toEqual(['Ferry']);
    expect(stored()).toMatchObject({ indexedWithWord: 1, staleInIndex: 0 });
  });

  it('notes the autosave revision in the save and records it, as the save would have, before revisions are read', async () => {
    const saved = await savedWithNewWord();
    expect(stored()).toMatchObject({ revisions: 1, pendingAutosaves: 1 });
    const revisions = await call<RevisionSummary[]>('revisions:list', { storyId: saved.id });
    expect(revisions.map((r) => [r.n, r.reason, r.storyVersion, r.createdAt])).toEqual([
      [2, 'autosave', saved.version, saved.updatedAt],
      [1, 'created', 1, new Date(START).toISOString()],
    ]);
    expect(stored()).toMatchObject({ revisions: 2, pendingAutosaves: 0 });
  });

  it('does both when the core closes', async () => {
    await savedWithNewWord();
    core.close();
    expect(stored()).toEqual({ indexedWithWord: 1, staleInIndex: 0, revisions: 2, pendingAutosaves: 0 });
  });

  it('keeps what a killed process left waiting and does it after the next start', async () => {
    const saved = await savedWithNewWord();
    // The file as a SIGKILL leaves it: the save's transaction committed, nothing after it ran.
    core.database.close();
    now += 3_600_000;
    core = open();
    expect(headlines(await call<LibraryPage>('library:query', { search: 'zanzibar' }))).toEqual(['Ferry']);
    const [newest] = await call<RevisionSummary[]>('revisions:list', { storyId: saved.id });
    expect(newest).toMatchObject({
      n: 2,
      reason: 'autosave',
      storyVersion: saved.version,
      updatedAt: saved.updatedAt,
    });
    const revision = await call<{ fields: Story }>('revisions:get', { storyId: saved.id, n: 2 });
    expect(revision.fields.body).toEqual(paragraph('The ferry sails to Zanzibar'));
  });
});
