import type { Timers } from '../../main/publish/publishWorker';

/** A clock the test moves by hand, with timers that fire when it passes their time. */
export function testClock(start: Date) {
  let now = start.getTime();
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: Timers = {
    setTimeout(callback, ms) {
      const id = nextId++;
      pending.set(id, { at: now + Math.max(ms, 0), callback });
      return id;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  return {
    now: () => new Date(now),
    timers,
    /** How many timers are set. */
    get pendingTimers() {
      return pending.size;
    },
    /** Moves time on by `ms`, firing each timer that comes due on the way, earliest first. */
    advance(ms: number): void {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].callback();
      }
      now = end;
    },
  };
}
