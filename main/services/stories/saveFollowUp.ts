/**
 * What a save leaves for after its answer (reindexing its text, folding autosaves into revisions),
 * done once saves pause for `idleMs`, and at the latest `maxWaitMs` after the first one waiting:
 * a typing burst costs one reindex, not one per autosave. Readers of that work bring it current
 * themselves first, so waiting here never shows a stale result.
 */
export function createSaveFollowUp({
  work,
  idleMs,
  maxWaitMs,
  log,
}: {
  work: (() => void)[];
  idleMs: number;
  maxWaitMs: number;
  log: (error: unknown) => void;
}) {
  let timer: NodeJS.Timeout | null = null;
  let firstAt: number | null = null;

  const runNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstAt = null;
    for (const step of work) {
      try {
        step();
      } catch (error) {
        log(error);
      }
    }
  };

  return {
    /** After a write: runs the work once writes pause. */
    schedule(): void {
      const at = Date.now();
      firstAt ??= at;
      if (timer) clearTimeout(timer);
      timer = setTimeout(runNow, Math.max(0, Math.min(idleMs, firstAt + maxWaitMs - at)));
      timer.unref();
    },
    runNow,
  };
}

export type SaveFollowUp = ReturnType<typeof createSaveFollowUp>;
