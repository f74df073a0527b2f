import type Database from 'better-sqlite3';
import { monotonicFactory } from 'ulid';
import type { StoryStatus } from '../../shared/domain/story';

/** What an importer may set that the editing services never do: a story's history from its old home. */
export interface ImportedHistory {
  status: StoryStatus;
  createdAt: number;
  updatedAt: number;
}

/** Prepared statements of the import: where stories came from, and the history they bring. */
export function importQueries(db: Database.Database) {
  const newId = monotonicFactory();
  const find = db.prepare<[string, string], { story_id: string }>(
    'SELECT story_id FROM import_sources WHERE source = ? AND remote_id = ?',
  );
  const remember = db.prepare<[string, string, string, number]>(
    `INSERT INTO import_sources (source, remote_id, story_id, imported_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (source, remote_id) DO UPDATE SET story_id = excluded.story_id, imported_at = excluded.imported_at`,
  );
  const history = db.prepare<[string, number, number, string, string]>(
    `UPDATE stories SET status = ?, created_at = ?, updated_at = ?,
       slug_edited = CASE WHEN ? = 'published' THEN 1 ELSE slug_edited END
     WHERE id = ?`,
  );
  const updatedAt = db.prepare<[number, string]>('UPDATE stories SET updated_at = ? WHERE id = ?');
  const hasNote = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM comments WHERE story_id = ? AND text = ?',
  );
  const addNote = db.prepare<[string, string, string, string, number]>(
    'INSERT INTO comments (id, story_id, text, author, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    storyOf: (source: string, remoteId: string): string | null =>
      find.get(source, remoteId)?.story_id ?? null,
    remember(source: string, remoteId: string, storyId: string, at: number): void {
      remember.run(source, remoteId, storyId, at);
    },
    setHistory(storyId: string, value: ImportedHistory): void {
      history.run(value.status, value.createdAt, value.updatedAt, value.status, storyId);
    },
    setUpdatedAt(storyId: string, at: number): void {
      updatedAt.run(at, storyId);
    },
    /** An editorial note on the story from the import (once: a re-import does not repeat it). */
    addNote(storyId: string, text: string, at: number): void {
      if (hasNote.get(storyId, text)!.n === 0) addNote.run(newId(at), storyId, text, 'Copydesk import', at);
    },
  };
}

export type ImportQueries = ReturnType<typeof importQueries>;
