import type Database from 'better-sqlite3';
import type { PublicationState } from '../../../shared/domain/publication';

/** The story fields a publication keeps as they were published; the static site renders from them. */
export interface PublishedSnapshot {
  headline: string;
  standfirst: string;
  byline: string;
  dateline: string;
  credit: string;
  slug: string;
  sectionId: string | null;
  featuredImage: string | null;
  body: Record<string, unknown>;
  wordCount: number;
  tags: string[];
}

export interface PublicationRecord {
  storyId: string;
  targetId: string;
  state: PublicationState;
  remoteId: string | null;
  remoteUrl: string | null;
  remoteModified: string | null;
  publishedVersion: number;
  publishedAt: number;
  /** When it was last republished with changes a reader can see; null if never. */
  updatedAt: number | null;
  scheduledFor: number | null;
  snapshot: PublishedSnapshot;
}

/** A publication as far as `changedSincePublished` looks at it. */
export interface PublicationChangeBasis {
  storyId: string;
  state: PublicationState;
  publishedVersion: number;
  tags: string[];
}

interface PublicationRow {
  story_id: string;
  target_id: string;
  state: PublicationState;
  remote_id: string | null;
  remote_url: string | null;
  remote_modified: string | null;
  published_version: number;
  published_at: number;
  updated_at: number | null;
  scheduled_for: number | null;
  snapshot: string;
}

const toRecord = (row: PublicationRow): PublicationRecord => ({
  storyId: row.story_id,
  targetId: row.target_id,
  state: row.state,
  remoteId: row.remote_id,
  remoteUrl: row.remote_url,
  remoteModified: row.remote_modified,
  publishedVersion: row.published_version,
  publishedAt: row.published_at,
  updatedAt: row.updated_at,
  scheduledFor: row.scheduled_for,
  snapshot: JSON.parse(row.snapshot) as PublishedSnapshot,
});

/** Prepared statements over `publications`: one row per story and target. */
export function publicationQueries(db: Database.Database) {
  const one = db.prepare<[string, string], PublicationRow>(
    'SELECT * FROM publications WHERE story_id = ? AND target_id = ?',
  );
  const ofStory = db.prepare<[string], PublicationRow>('SELECT * FROM publications WHERE story_id = ?');
  const ofTarget = db.prepare<[string], PublicationRow>(
    "SELECT * FROM publications WHERE target_id = ? AND state = 'published' ORDER BY published_at DESC, story_id DESC",
  );
  const due = db.prepare<[number], PublicationRow>(
    "SELECT * FROM publications WHERE state = 'scheduled' AND scheduled_for <= ?",
  );
  const basisOf = db.prepare<
    [string],
    { story_id: string; state: PublicationState; published_version: number; tags: string | null }
  >(
    `SELECT story_id, state, published_version, snapshot -> '$.tags' AS tags FROM publications
     WHERE story_id IN (SELECT value FROM json_each(?)) AND state != 'unpublished'`,
  );
  const nextScheduled = db.prepare<[], { at: number | null }>(
    "SELECT min(scheduled_for) AS at FROM publications WHERE state = 'scheduled'",
  );
  const upsert = db.prepare(
    `INSERT INTO publications (story_id, target_id, state, remote_id, remote_url, remote_modified,
       published_version, published_at, updated_at, scheduled_for, snapshot)
     VALUES (@story_id, @target_id, @state, @remote_id, @remote_url, @remote_modified,
       @published_version, @published_at, @updated_at, @scheduled_for, @snapshot)
     ON CONFLICT (story_id, target_id) DO UPDATE SET state = excluded.state, remote_id = excluded.remote_id,
       remote_url = excluded.remote_url, remote_modified = excluded.remote_modified,
       published_version = excluded.published_version, published_at = excluded.published_at,
       updated_at = excluded.updated_at, scheduled_for = excluded.scheduled_for, snapshot = excluded.snapshot`,
  );
  return {
    get(storyId: string, targetId: string): PublicationRecord | null {
      const row = one.get(storyId, targetId);
      return row ? toRecord(row) : null;
    },
    ofStory: (storyId: string): PublicationRecord[] => ofStory.all(storyId).map(toRecord),
    /** The stories live on a target, newest first. */
    publishedOn: (targetId: string): PublicationRecord[] => ofTarget.all(targetId).map(toRecord),
    /** Scheduled publications whose time has come. */
    dueScheduled: (now: number): PublicationRecord[] => due.all(now).map(toRecord),
    /** What telling whether the given stories changed since published needs: each live or scheduled publication. */
    changeBasisOf(storyIds: readonly string[]): PublicationChangeBasis[] {
      return basisOf.all(JSON.stringify(storyIds)).map((row) => ({
        storyId: row.story_id,
        state: row.state,
        publishedVersion: row.published_version,
        tags: row.tags === null ? [] : (JSON.parse(row.tags) as string[]),
      }));
    },
    /** When the earliest scheduled publication is due, or null if none is scheduled. */
    nextScheduledAt: (): number | null => nextScheduled.get()?.at ?? null,
    save(record: PublicationRecord): void {
      upsert.run({
        story_id: record.storyId,
        target_id: record.targetId,
        state: record.state,
        remote_id: record.remoteId,
        remote_url: record.remoteUrl,
        remote_modified: record.remoteModified,
        published_version: record.publishedVersion,
        published_at: record.publishedAt,
        updated_at: record.updatedAt,
        scheduled_for: record.scheduledFor,
        snapshot: JSON.stringify(record.snapshot),
      });
    },
  };
}

export type PublicationQueries = ReturnType<typeof publicationQueries>;
