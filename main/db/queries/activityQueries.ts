import type Database from 'better-sqlite3';
import type { ActivityEntry, ActivityKind } from '../../../shared/domain/activity';
import type { QueueItem, StatusChange } from '../../../shared/domain/workflow';

interface ActivityRow {
  id: number;
  story_id: string;
  kind: ActivityKind;
  actor: string;
  summary: string;
  count: number;
  created_at: number;
  updated_at: number;
}

interface StatusChangeRow {
  story_id: string;
  from_status: StatusChange['from'];
  to_status: StatusChange['to'];
  action: StatusChange['action'];
  person: string;
  note: string;
  revision_n: number;
  created_at: number;
}

interface QueueRow {
  id: string;
  headline: string;
  author: string;
  section_id: string | null;
  word_count: number;
  version: number;
  submitted_at: number;
  submitted_by: string;
  unresolved: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toEntry = (row: ActivityRow): ActivityEntry => ({
  id: row.id,
  storyId: row.story_id,
  kind: row.kind,
  actor: row.actor,
  summary: row.summary,
  count: row.count,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const toChange = (row: StatusChangeRow): StatusChange => ({
  storyId: row.story_id,
  from: row.from_status,
  to: row.to_status,
  action: row.action,
  person: row.person,
  note: row.note,
  revision: row.revision_n,
  at: iso(row.created_at),
});

/** A story's activity timeline and its status changes (who moved it where, when, with what note). */
export function activityQueries(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO activity (story_id, kind, actor, summary, count, created_at, updated_at)
     VALUES (@storyId, @kind, @actor, @summary, 1, @at, @at)`,
  );
  const newest = db.prepare<[string], ActivityRow>(
    'SELECT * FROM activity WHERE story_id = ? ORDER BY id DESC LIMIT 1',
  );
  const bump = db.prepare<[number, number]>(
    'UPDATE activity SET count = count + 1, updated_at = ? WHERE id = ?',
  );
  const forStory = db.prepare<[string, number], ActivityRow>(
    'SELECT * FROM activity WHERE story_id = ? ORDER BY id DESC LIMIT ?',
  );
  const insertChange = db.prepare(
    `INSERT INTO status_changes (story_id, from_status, to_status, action, person, note, revision_n, created_at)
     VALUES (@storyId, @from, @to, @action, @person, @note, @revision, @at)`,
  );
  const changes = db.prepare<[string], StatusChangeRow>(
    'SELECT * FROM status_changes WHERE story_id = ? ORDER BY id DESC',
  );
  const lastChangeTo = db.prepare<[string, string], StatusChangeRow>(
    'SELECT * FROM status_changes WHERE story_id = ? AND to_status = ? ORDER BY id DESC LIMIT 1',
  );
  const queue = db.prepare<[], QueueRow>(
    `SELECT s.id, s.headline, s.author, s.section_id, s.word_count, s.version,
            coalesce(sc.created_at, s.updated_at) AS submitted_at, coalesce(sc.person, '') AS submitted_by,
            (SELECT count(*) FROM comments c
              WHERE c.story_id = s.id AND c.parent_id IS NULL AND c.resolved = 0) AS unresolved
       FROM stories s
       LEFT JOIN status_changes sc ON sc.id =
         (SELECT max(id) FROM status_changes WHERE story_id = s.id AND to_status = 'in_review')
      WHERE s.status = 'in_review' AND s.trashed_at IS NULL
      ORDER BY submitted_at, s.id`,
  );
  return {
    /** Stories waiting for review, oldest submission first. */
    reviewQueue: (): QueueItem[] =>
      queue.all().map((row) => ({
        id: row.id,
        headline: row.headline,
        author: row.author,
        sectionId: row.section_id,
        wordCount: row.word_count,
        version: row.version,
        submittedAt: iso(row.submitted_at),
        submittedBy: row.submitted_by,
        unresolvedComments: row.unresolved,
      })),
    insert(entry: { storyId: string; kind: ActivityKind; actor: string; summary: string; at: number }): void {
      insert.run(entry);
    },
    newest: (storyId: string): ActivityEntry | null => {
      const row = newest.get(storyId);
      return row ? toEntry(row) : null;
    },
    bump(id: number, at: number): void {
      bump.run(at, id);
    },
    list: (storyId: string, limit: number): ActivityEntry[] => forStory.all(storyId, limit).map(toEntry),
    insertStatusChange(change: Omit<StatusChange, 'at'> & { at: number }): void {
      insertChange.run(change);
    },
    statusChanges: (storyId: string): StatusChange[] => changes.all(storyId).map(toChange),
    lastChangeTo(storyId: string, status: StatusChange['to']): StatusChange | null {
      const row = lastChangeTo.get(storyId, status);
      return row ? toChange(row) : null;
    },
  };
}

export type ActivityQueries = ReturnType<typeof activityQueries>;
