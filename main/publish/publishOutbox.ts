import { monotonicFactory } from 'ulid';
import type { PublishJob } from '../../shared/domain/publication';
import type { PublishStartInput } from '../../shared/ipc/channels/publish';
import { AppError } from '../../shared/ipc/errors';
import type { PublishJobRecord } from '../db/queries/publishJobQueries';
import type { PublishJobStore } from './publishJobStore';
import type { PublishPreflight } from './publishPreflight';
import { toJob } from './publishViews';

export interface PublishOutboxDeps {
  store: PublishJobStore;
  preflight: PublishPreflight;
  publisherRole(): 'reporter' | 'editor' | null;
  now: () => Date;
  /** Called after a job is queued so the worker looks at it. */
  onQueued(): void;
}

/** The outbox: jobs are written here before anything is sent, and put back in the queue on request. */
export function createPublishOutbox(deps: PublishOutboxDeps) {
  const { store, now } = deps;
  const newId = monotonicFactory();

  const requeue = (job: PublishJobRecord): PublishJob => {
    deps.onQueued();
    return toJob(job);
  };

  return {
    /** Writes the job row (nothing is sent yet) after the pre-flight check passes. */
    start(input: PublishStartInput & { action: 'publish' | 'schedule' | 'unpublish' }): PublishJob {
      const check = deps.preflight.check(input);
      const target = check.target;
      if (input.action !== 'unpublish') {
        const blockers = check.items.filter((item) => item.level === 'blocker');
        if (blockers.length > 0)
          throw new AppError('conflict', blockers.map((item) => item.message).join(' '), {
            blockers: blockers.map((b) => b.code),
          });
      } else if (deps.publisherRole() === 'reporter') {
        throw new AppError('forbidden', 'Only an editor can unpublish.');
      } else if (!check.publication || check.publication.state === 'unpublished') {
        throw new AppError('conflict', 'The story is not published on this site.');
      }
      if (input.action === 'schedule') {
        if (target.kind === 'static')
          throw new AppError('invalid-input', 'The static site cannot schedule stories.');
        if (Date.parse(input.at!) <= now().getTime())
          throw new AppError('invalid-input', 'Choose a time in the future.');
      }
      const pending = check.pendingJob?.state === 'failed' ? null : check.pendingJob;
      if (pending && pending.state !== 'paused')
        throw new AppError('conflict', 'This story is already being sent to this site.', {
          jobId: pending.id,
        });
      if (pending) store.apply(store.mustGet(pending.id), { type: 'replace' });
      const at = now().getTime();
      const shaped = store.insert({
        id: newId(at),
        storyId: input.storyId,
        targetId: target.id,
        action:
          input.action === 'unpublish'
            ? 'unpublish'
            : input.action === 'schedule'
              ? 'schedule'
              : check.publication
                ? 'update'
                : 'publish',
        state: 'queued',
        scheduledFor: input.action === 'schedule' ? Date.parse(input.at!) : null,
        overwrite: false,
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        errorKind: null,
        progress: { step: 'queued' },
        resultUrl: null,
        createdAt: at,
        updatedAt: at,
        seq: 0,
      });
      deps.onQueued();
      return shaped;
    },

    /** Sends a job paused by a conflict again, overwriting the edit made on the site. */
    overwrite: (id: string): PublishJob =>
      requeue(store.apply(store.mustGet(id), { type: 'overwrite', at: now().getTime() })),

    /** Puts a failed, paused or waiting job back in the queue, due now. */
    retry: (id: string): PublishJob =>
      requeue(store.apply(store.mustGet(id), { type: 'retry', at: now().getTime() })),

    /** Jobs left running by a previous run of the app wait to be sent again (they may have reached the site). */
    requeueInterrupted(): number {
      const running = store.queries.inState('running');
      for (const job of running) store.apply(job, { type: 'interrupt' });
      return running.length;
    },
  };
}

export type PublishOutbox = ReturnType<typeof createPublishOutbox>;
