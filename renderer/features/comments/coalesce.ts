/**
 * Runs `work` once, `ms` after the first of any number of `trigger()` calls: a burst of change events
 * becomes one reload, and a steady stream at most one per `ms`.
 */
export function coalesce(work: () => void, ms: number): { trigger(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    trigger() {
      timer ??= setTimeout(() => {
        timer = undefined;
        work();
      }, ms);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
