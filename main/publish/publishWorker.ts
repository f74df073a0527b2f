import type { PublishJobQueries, PublishJobRecord } from '../db/queries/publishJobQueries';

/** The timer functions the worker sleeps with; tests pass a clock they move by hand. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PublishWorkerDeps {
  jobs: PublishJobQueries;
  run(job: PublishJobRecord): Promise<void>;
  /** Scheduled publications whose time has come go live; returns how many did. */
  promoteDue(now: number): number;
  /** When the next scheduled publication goes live, or null. */
  nextScheduledAt(): number | null;
  now: () => Date;
  timers?: Timers;
  log?: (error: unknown) => void;
}

const nodeTimers: Timers = {
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// setTimeout fires at once for delays past 2^31 - 1 ms.
const MAX_DELAY = 2_147_483_647;

/**
 * Sends due outbox jobs one at a time and makes scheduled publications live when their time comes.
 * `runDue()` drives it by hand (tests); `start()` keeps it going on timers, waking when a job is queued,
 * when the next retry is due and when the next scheduled story goes live.
 */
export function createPublishWorker(deps: PublishWorkerDeps) {
  const { jobs, run, now, timers = nodeTimers, log = console.error } = deps;
  let timer: unknown;
  let running: Promise<number> | null = null;
  let started = false;

  const runDue = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      // Before each job, so a job linking to a story that just went live links to its post.
      deps.promoteDue(now().getTime());
      const job = jobs.nextDue(now().getTime());
      if (!job) return sent;
      await run(job);
      sent++;
    }
  };

  const schedule = () => {
    timers.clearTimeout(timer);
    if (!started) return;
    const due = [jobs.earliestDue(), deps.nextScheduledAt()].filter((at): at is number => at !== null);
    if (due.length === 0) return;
    timer = timers.setTimeout(kick, Math.min(Math.max(Math.min(...due) - now().getTime(), 0), MAX_DELAY));
  };

  function kick(): void {
    if (!started) return;
    if (running) {
      void running.then(() => kick());
      return;
    }
    running = runDue()
      .catch((error: unknown) => {
        log(error);
        return 0;
      })
      .finally(() => {
        running = null;
        schedule();
      });
  }

  return {
    /** Makes due scheduled publications live and sends every job due now; resolves with how many jobs ran. */
    runDue: (): Promise<number> => (running ? running.then(runDue) : runDue()),
    start(): void {
      started = true;
      kick();
    },
    /** Something was queued: look again now (no-op unless started). */
    kick,
    async stop(): Promise<void> {
      started = false;
      timers.clearTimeout(timer);
      await running;
    },
  };
}

export type PublishWorker = ReturnType<typeof createPublishWorker>;
