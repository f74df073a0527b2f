import type { JobErrorKind, JobProgress, JobState } from './publication';

/** The fields of an outbox job that its transitions change; times in ms since the epoch. */
export interface JobFields {
  state: JobState;
  attempts: number;
  overwrite: boolean;
  nextAttemptAt: number;
  lastError: string | null;
  errorKind: JobErrorKind | null;
  progress: JobProgress;
  resultUrl: string | null;
}

/** What happens to a job: the worker's steps, the user's retry and overwrite, a newer job, a restart. */
export type JobEvent =
  | { type: 'claim' }
  | { type: 'progress'; progress: JobProgress }
  | { type: 'sent'; url: string | null }
  | { type: 'failed'; kind: JobErrorKind; message: string; retryAt: number }
  | { type: 'retry'; at: number }
  | { type: 'overwrite'; at: number }
  | { type: 'replace' }
  | { type: 'interrupt' };

export type JobTransition<T> = { ok: true; job: T } | { ok: false; code: 'conflict'; message: string };

/** Only a network failure (connection, timeout, 5xx, 429) is worth sending again by itself. */
export const isRetryable = (kind: JobErrorKind): boolean => kind === 'network';

/** Where a failure leaves a job: waiting to be sent again, stopped for good, or paused for the user. */
export function stateAfterFailure(kind: JobErrorKind): JobState {
  if (isRetryable(kind)) return 'waiting';
  return kind === 'invalid' || kind === 'rejected' ? 'failed' : 'paused';
}

const cleared = { lastError: null, errorKind: null } as const;

/** The job after `event`, or why the event does not apply to a job in its state. */
export function nextJob<T extends JobFields>(job: T, event: JobEvent): JobTransition<T> {
  const to = (changes: Partial<JobFields>): JobTransition<T> => ({ ok: true, job: { ...job, ...changes } });
  const refuse = (message: string): JobTransition<T> => ({ ok: false, code: 'conflict', message });
  switch (event.type) {
    case 'claim':
      if (job.state !== 'queued' && job.state !== 'waiting') return refuse(`The job is ${job.state}.`);
      return to({ state: 'running', attempts: job.attempts + 1, progress: { step: 'render' } });
    case 'progress':
      if (job.state !== 'running') return refuse(`The job is ${job.state}, not running.`);
      return to({ progress: event.progress });
    case 'sent':
      if (job.state !== 'running') return refuse(`The job is ${job.state}, not running.`);
      return to({ state: 'done', progress: { step: 'done' }, resultUrl: event.url, ...cleared });
    case 'failed':
      if (job.state !== 'running') return refuse(`The job is ${job.state}, not running.`);
      return to({
        state: stateAfterFailure(event.kind),
        lastError: event.message,
        errorKind: event.kind,
        nextAttemptAt: isRetryable(event.kind) ? event.retryAt : job.nextAttemptAt,
      });
    case 'retry':
      if (job.state !== 'failed' && job.state !== 'paused' && job.state !== 'waiting')
        return refuse(`The job is ${job.state}; only a stopped or waiting job can be retried.`);
      return to({ state: 'queued', nextAttemptAt: event.at, ...cleared });
    case 'overwrite':
      if (job.state !== 'paused' || job.errorKind !== 'conflict')
        return refuse('Only a job stopped by an edit on the site can overwrite it.');
      return to({ state: 'queued', overwrite: true, nextAttemptAt: event.at, ...cleared });
    case 'replace':
      if (job.state !== 'paused') return refuse('This story is already being sent to this site.');
      return to({ state: 'failed', lastError: job.lastError ?? 'Replaced by a newer job' });
    case 'interrupt':
      if (job.state !== 'running') return refuse(`The job is ${job.state}, not running.`);
      return to({ state: 'waiting' });
  }
}

/** Exponential backoff with jitter: about 2 s, 4 s, 8 s … up to 10 minutes, each scaled by 0.5–1. */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(2_000 * 2 ** Math.max(attempts - 1, 0), 600_000);
  return Math.round(base * (0.5 + random() / 2));
}
