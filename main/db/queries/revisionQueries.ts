import type Database from 'better-sqlite3';
import type { RevisionReason } from '../../../shared/domain/revision';

interface RevisionRow {
  story_id: string;
  n: number;
  reason: RevisionReason;
  label: string;
  author: string;
  created_at: number;
  updated_at: number;
  story_version: number;
  headline: string;
  word_count: number;
}

type RevisionRowWithSnapshot = RevisionRow & { snapshot: Buffer; previous_word_count: number | null };

/** A revision as stored, without its snapshot; times in epoch milliseconds. */
export interface RevisionRecord {
  storyId: string;
  n: number;
  reason: RevisionReason;
  label: string;
  author: string;
  createdAt: number;
  updatedAt: number;
  storyVersion: number;
  headline: string;
  wordCount: number;
}

/** A revision with its compressed snapshot and the word count of the revision before it, if any. */
export interface RevisionWithSnapshot extends RevisionRecord {
  snapshot: Buffer;
  previousWordCount: number | null;
}

/** What an autosave overwrites when it coalesces into the newest revision. */
export type RevisionRefresh = Pick<
  RevisionRecord,
  'storyId' | 'n' | 'updatedAt' | 'storyVersion' | 'headline' | 'wordCount'
> & { snapshot: Buffer };

/** An autosave not yet folded into the revisions (migration 0018): what its revision will record. */
export interface PendingAutosave {
  storyId: string;
  author: string;
  savedAt: number;
  /** When the revision it folds into was created (its own `savedAt` when it starts a new one). */
  landsAt: number;
  storyVersion: number;
  tags: string[];
}

interface PendingRow {
  story_id: string;
  author: string;
  saved_at: number;
  lands_at: number;
  story_version: number;
  tags: string;
}

const SUMMARY_COLUMNS =
  'story_id, n, reason, label, author, created_at, updated_at, story_version, headline, word_count';

function toRecord(row: RevisionRow): RevisionRecord {
  return {
    storyId: row.story_id,
    n: row.n,
    reason: row.reason,
    label: row.label,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    storyVersion: row.story_version,
    headline: row.headline,
    wordCount: row.word_count,
  };
}

/** Prepared statements over `revisions`; snake_case rows become camelCase records here and nowhere else. */
export function revisionQueries(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO revisions (${SUMMARY_COLUMNS}, snapshot)
     VALUES (@story_id, @n, @reason, @label, @author, @created_at, @updated_at, @story_version,
             @headline, @word_count, @snapshot)`,
  );
  const refresh = db.prepare(
    `UPDATE revisions SET snapshot = @snapshot, headline = @headline, word_count = @word_count,
       updated_at = @updated_at, story_version = @story_version
     WHERE story_id = @story_id AND n = @n`,
  );
  const newest = db.prepare<[string], RevisionRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM revisions WHERE story_id = ? ORDER BY n DESC LIMIT 1`,
  );
  const all = db.prepare<[string], RevisionRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM revisions WHERE story_id = ? ORDER BY n DESC`,
  );
  const one = db.prepare<[string, number], RevisionRowWithSnapshot>(
    `SELECT r.*, (SELECT p.word_count FROM revisions p WHERE p.story_id = r.story_id AND p.n < r.n
                  ORDER BY p.n DESC LIMIT 1) AS previous_word_count
     FROM revisions r WHERE r.story_id = ? AND r.n = ?`,
  );

  const pendingOf = db.prepare<[string], PendingRow>('SELECT * FROM revision_pending WHERE story_id = ?');
  const pendingIds = db.prepare<[], string>('SELECT story_id FROM revision_pending').pluck();
  const putPending = db.prepare(
    `INSERT OR REPLACE INTO revision_pending (story_id, author, saved_at, lands_at, story_version, tags)
     VALUES (@story_id, @author, @saved_at, @lands_at, @story_version, @tags)`,
  );
  const clearPending = db.prepare('DELETE FROM revision_pending WHERE story_id = ?');

  return {
    pending(storyId: string): PendingAutosave | null {
      const row = pendingOf.get(storyId);
      return row
        ? {
            storyId: row.story_id,
            author: row.author,
            savedAt: row.saved_at,
            landsAt: row.lands_at,
            storyVersion: row.story_version,
            tags: JSON.parse(row.tags) as string[],
          }
        : null;
    },
    /** Stories with an autosave still to fold into their revisions. */
    pendingStories: (): string[] => pendingIds.all(),
    putPending(pending: PendingAutosave): void {
      putPending.run({
        story_id: pending.storyId,
        author: pending.author,
        saved_at: pending.savedAt,
        lands_at: pending.landsAt,
        story_version: pending.storyVersion,
        tags: JSON.stringify(pending.tags),
      });
    },
    clearPending(storyId: string): void {
      clearPending.run(storyId);
    },
    insert(revision: RevisionRecord & { snapshot: Buffer }): void {
      insert.run({
        story_id: revision.storyId,
        n: revision.n,
        reason: revision.reason,
        label: revision.label,
        author: revision.author,
        created_at: revision.createdAt,
        updated_at: revision.updatedAt,
        story_version: revision.storyVersion,
        headline: revision.headline,
        word_count: revision.wordCount,
        snapshot: revision.snapshot,
      });
    },
    /** Overwrites an existing revision's snapshot and what is derived from it; returns whether it did. */
    refresh(revision: RevisionRefresh): boolean {
      return (
        refresh.run({
          story_id: revision.storyId,
          n: revision.n,
          snapshot: revision.snapshot,
          headline: revision.headline,
          word_count: revision.wordCount,
          updated_at: revision.updatedAt,
          story_version: revision.storyVersion,
        }).changes === 1
      );
    },
    newest(storyId: string): RevisionRecord | null {
      const row = newest.get(storyId);
      return row ? toRecord(row) : null;
    },
    /** A story's revisions, newest first, without snapshots. */
    list(storyId: string): RevisionRecord[] {
      return all.all(storyId).map(toRecord);
    },
    get(storyId: string, n: number): RevisionWithSnapshot | null {
      const row = one.get(storyId, n);
      if (!row) return null;
      return { ...toRecord(row), snapshot: row.snapshot, previousWordCount: row.previous_word_count };
    },
    /** Runs `work` in one transaction (a savepoint if one is already open). */
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
  };
}

export type RevisionQueries = ReturnType<typeof revisionQueries>;
