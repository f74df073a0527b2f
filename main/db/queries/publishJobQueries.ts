import type Database from 'better-sqlite3';
import type { JobErrorKind, JobProgress, JobState, PublishAction } from '../../../shared/domain/publication';
import { withoutDiskWait } from '../withoutDiskWait';

export interface PublishJobRecord {
  id: string;
  storyId: string;
  targetId: string;
  action: PublishAction;
  state: JobState;
  scheduledFor: number | null;
  overwrite: boolean;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  errorKind: JobErrorKind | null;
  progress: JobProgress;
  resultUrl: string | null;
  createdAt: number;
  updatedAt: number;
  /** Set by every insert and update to the next number over all job rows. */
  seq: number;
}

interface JobRow {
  id: string;
  story_id: string;
  target_id: string;
  action: PublishAction;
  state: JobState;
  scheduled_for: number | null;
  overwrite: number;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  error_kind: JobErrorKind | null;
  progress: string;
  result_url: string | null;
  created_at: number;
  updated_at: number;
  seq: number;
}

const toRecord = (row: JobRow): PublishJobRecord => ({
  id: row.id,
  storyId: row.story_id,
  targetId: row.target_id,
  action: row.action,
  state: row.state,
  scheduledFor: row.scheduled_for,
  overwrite: row.overwrite === 1,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  errorKind: row.error_kind,
  progress: JSON.parse(row.progress) as JobProgress,
  resultUrl: row.result_url,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  seq: row.seq,
});

const toRow = (job: PublishJobRecord): JobRow => ({
  id: job.id,
  story_id: job.storyId,
  target_id: job.targetId,
  action: job.action,
  state: job.state,
  scheduled_for: job.scheduledFor,
  overwrite: job.overwrite ? 1 : 0,
  attempts: job.attempts,
  next_attempt_at: job.nextAttemptAt,
  last_error: job.lastError,
  error_kind: job.errorKind,
  progress: JSON.stringify(job.progress),
  result_url: job.resultUrl,
  created_at: job.createdAt,
  updated_at: job.updatedAt,
  seq: job.seq,
});

/** Prepared statements over `publish_jobs`, the outbox. */
export function publishJobQueries(db: Database.Database) {
  const columns = Object.keys(toRow({ progress: {} } as PublishJobRecord)).filter((c) => c !== 'seq');
  const nextSeq = '(SELECT coalesce(max(seq), 0) + 1 FROM publish_jobs)';
  const insert = db.prepare<[JobRow], { seq: number }>(
    `INSERT INTO publish_jobs (${columns.join(', ')}, seq)
     VALUES (${columns.map((c) => `@${c}`).join(', ')}, ${nextSeq}) RETURNING seq`,
  );
  const update = db.prepare<[JobRow], { seq: number }>(
    `UPDATE publish_jobs SET ${columns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')}, seq = ${nextSeq} WHERE id = @id RETURNING seq`,
  );
  const byId = db.prepare<[string], JobRow>('SELECT * FROM publish_jobs WHERE id = ?');
  const nextDue = db.prepare<[number], JobRow>(
    `SELECT * FROM publish_jobs WHERE state IN ('queued', 'waiting') AND next_attempt_at <= ?
     ORDER BY next_attempt_at, created_at LIMIT 1`,
  );
  const earliest = db.prepare<[], { at: number | null }>(
    "SELECT min(next_attempt_at) AS at FROM publish_jobs WHERE state IN ('queued', 'waiting')",
  );
  // A story has at most one unfinished job per target, and it is the newest (a new job replaces a paused one).
  const latest = db.prepare<[string, string], JobRow>(
    `SELECT * FROM publish_jobs WHERE story_id = ? AND target_id = ? ORDER BY created_at DESC, id DESC LIMIT 1`,
  );
  const recent = db.prepare<[string], JobRow>(
    'SELECT * FROM publish_jobs WHERE story_id = ? ORDER BY created_at DESC, id DESC LIMIT 10',
  );
  const inState = db.prepare<[JobState], JobRow>('SELECT * FROM publish_jobs WHERE state = ? ORDER BY id');
  const write = (job: PublishJobRecord): void => {
    const written = update.get(toRow(job));
    if (written) job.seq = written.seq;
  };
  return {
    insert(job: PublishJobRecord): void {
      job.seq = insert.get(toRow(job))!.seq;
    },
    update: write,
    /**
     * An update that does not wait for the disk: for what only the UI shows (a running job's progress). Losing
     * it to a power cut leaves the row as its last synced state, which recovery handles; the next synced
     * write of the database carries it to the disk anyway.
     */
    updateUnsynced(job: PublishJobRecord): void {
      withoutDiskWait(db, () => write(job));
    },
    get(id: string): PublishJobRecord | null {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    /** The job to send next, if one is due at `now`. */
    nextDue(now: number): PublishJobRecord | null {
      const row = nextDue.get(now);
      return row ? toRecord(row) : null;
    },
    /** When the next queued or waiting job is due, or null if none is. */
    earliestDue: (): number | null => earliest.get()?.at ?? null,
    /** The story's newest job on a target unless it is done: unfinished, or failed and not yet replaced. */
    open(storyId: string, targetId: string): PublishJobRecord | null {
      const row = latest.get(storyId, targetId);
      return row && row.state !== 'done' ? toRecord(row) : null;
    },
    recent: (storyId: string): PublishJobRecord[] => recent.all(storyId).map(toRecord),
    inState: (state: JobState): PublishJobRecord[] => inState.all(state).map(toRecord),
  };
}

export type PublishJobQueries = ReturnType<typeof publishJobQueries>;
