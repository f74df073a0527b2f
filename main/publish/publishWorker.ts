import type { PublishJobQueries, PublishJobRecord } from '../db/queries/publishJobQueries';

export interface PublishWorkerDeps {
  jobs: PublishJobQueries;
  run(job: PublishJobRecord): Promise<void>;
  now: () => Date;
  log?: (error: unknown) => void;
}

/**
 * Sends due outbox jobs one at a time. `runDue()` drives it by hand (tests); `start()` keeps it going on timers,
 * waking when a job is queued and when the next retry is due.
 */
export function createPublishWorker({ jobs, run, now, log = console.error }: PublishWorkerDeps) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;
  let started = false;

  const runDue = async (): Promise<number> => {
    let sent = 0;
    for (let job = jobs.nextDue(now().getTime()); job; job = jobs.nextDue(now().getTime())) {
      await run(job);
      sent++;
    }
    return sent;
  };

  const schedule = () => {
    clearTimeout(timer);
    if (!started) return;
    const due = jobs.earliestDue();
    if (due === null) return;
    timer = setTimeout(kick, Math.min(Math.max(due - now().getTime(), 0), 2_147_483_647));
    timer.unref?.();
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
    /** Sends every job due now, one after another; resolves with how many ran. */
    runDue: (): Promise<number> => (running ? running.then(runDue) : runDue()),
    start(): void {
      started = true;
      kick();
    },
    /** Something was queued: look again now (no-op unless started). */
    kick,
    async stop(): Promise<void> {
      started = false;
      clearTimeout(timer);
      await running;
    },
  };
}

export type PublishWorker = ReturnType<typeof createPublishWorker>;

/** Exponential backoff with jitter: about 2 s, 4 s, 8 s … up to 10 minutes, each scaled by 0.5–1. */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(2_000 * 2 ** Math.max(attempts - 1, 0), 600_000);
  return Math.round(base * (0.5 + random() / 2));
}
