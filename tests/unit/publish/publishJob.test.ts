import { describe, expect, it } from 'vitest';
import { nextJob, type JobEvent, type JobFields } from '../../../shared/domain/publishJob';
import type { JobState } from '../../../shared/domain/publication';

const job = (state: JobState, changes: Partial<JobFields> = {}): JobFields => ({
  state,
  attempts: 1,
  overwrite: false,
  nextAttemptAt: 1_000,
  lastError: null,
  errorKind: null,
  progress: { step: 'queued' },
  resultUrl: null,
  ...changes,
});

const states = ['queued', 'running', 'waiting', 'done', 'failed', 'paused'] as const;
const allowedFrom = (event: JobEvent) => states.filter((state) => nextJob(job(state), event).ok);
const moved = (from: JobFields, event: JobEvent) => {
  const next = nextJob(from, event);
  if (!next.ok) throw new Error(next.message);
  return next.job;
};

describe('publish job transitions', () => {
  it('lets each event apply only in the states that allow it', () => {
    expect(allowedFrom({ type: 'claim' })).toEqual(['queued', 'waiting']);
    expect(allowedFrom({ type: 'progress', progress: { step: 'send' } })).toEqual(['running']);
    expect(allowedFrom({ type: 'sent', url: 'https://x' })).toEqual(['running']);
    expect(allowedFrom({ type: 'retry', at: 5 })).toEqual(['waiting', 'failed', 'paused']);
    expect(allowedFrom({ type: 'replace' })).toEqual(['paused']);
    expect(allowedFrom({ type: 'interrupt' })).toEqual(['running']);
    expect(
      states.filter((s) => nextJob(job(s, { errorKind: 'conflict' }), { type: 'overwrite', at: 5 }).ok),
    ).toEqual(['paused']);
    expect(nextJob(job('paused', { errorKind: 'auth' }), { type: 'overwrite', at: 5 })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('counts an attempt when claimed and records where a failure leaves the job', () => {
    const running = moved(job('queued', { attempts: 0 }), { type: 'claim' });
    expect(running).toMatchObject({ state: 'running', attempts: 1, progress: { step: 'render' } });
    const fail = (kind: 'network' | 'auth' | 'conflict' | 'rejected' | 'invalid') =>
      moved(running, { type: 'failed', kind, message: 'no', retryAt: 9_000 });
    expect(fail('network')).toMatchObject({ state: 'waiting', nextAttemptAt: 9_000, errorKind: 'network' });
    expect(fail('auth')).toMatchObject({ state: 'paused', nextAttemptAt: 1_000 });
    expect(fail('conflict').state).toBe('paused');
    expect(fail('rejected').state).toBe('failed');
    expect(fail('invalid')).toMatchObject({ state: 'failed', lastError: 'no' });
  });

  it('clears the error on retry and overwrite, and marks an overwrite', () => {
    const paused = job('paused', { errorKind: 'conflict', lastError: 'edited on the site' });
    expect(moved(paused, { type: 'retry', at: 7 })).toMatchObject({
      state: 'queued',
      nextAttemptAt: 7,
      lastError: null,
      errorKind: null,
      overwrite: false,
    });
    expect(moved(paused, { type: 'overwrite', at: 7 })).toMatchObject({ state: 'queued', overwrite: true });
    expect(moved(job('paused'), { type: 'replace' })).toMatchObject({
      state: 'failed',
      lastError: 'Replaced by a newer job',
    });
  });
});
