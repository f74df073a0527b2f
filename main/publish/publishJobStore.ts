import { nextJob, type JobEvent } from '../../shared/domain/publishJob';
import type { PublishJob } from '../../shared/domain/publication';
import { AppError } from '../../shared/ipc/errors';
import type { CoreEvents } from '../core/coreEvents';
import type { PublishJobQueries, PublishJobRecord } from '../db/queries/publishJobQueries';
import { toJob } from './publishViews';

/** The outbox rows: every change goes through a job transition, is stored, then announced as `publish:progress`. */
export function createPublishJobStore(deps: {
  jobs: PublishJobQueries;
  events: CoreEvents;
  now: () => Date;
}) {
  const { jobs, events, now } = deps;

  const mustGet = (id: string): PublishJobRecord => {
    const job = jobs.get(id);
    if (!job) throw new AppError('not-found', `No publish job with id ${id}`);
    return job;
  };

  return {
    queries: jobs,
    mustGet,
    insert(job: PublishJobRecord): PublishJob {
      jobs.insert(job);
      const shaped = toJob(job);
      events.emit('publish:progress', shaped);
      return shaped;
    },
    /** Applies `event` to the job and stores the result; refuses (`conflict`) an event its state does not allow. */
    apply(job: PublishJobRecord, event: JobEvent): PublishJobRecord {
      const next = nextJob(job, event);
      if (!next.ok) throw new AppError(next.code, next.message);
      const saved = { ...next.job, updatedAt: now().getTime() };
      // A progress report is a disk sync per step otherwise; the claim before it is synced.
      if (event.type === 'progress') jobs.updateUnsynced(saved);
      else jobs.update(saved);
      events.emit('publish:progress', toJob(saved));
      return saved;
    },
  };
}

export type PublishJobStore = ReturnType<typeof createPublishJobStore>;
