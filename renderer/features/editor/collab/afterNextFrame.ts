const HIDDEN_TAB_MS = 100;

/**
 * Runs `run` once the frame after now is painted: requestAnimationFrame, then a macrotask (rAF callbacks run
 * before paint). Hidden tabs get no frames, so a timeout stands in for them. Returns a cancel.
 */
export function afterNextFrame(run: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    run();
  };
  const frame = requestAnimationFrame(() => {
    task = setTimeout(once, 0);
  });
  const fallback = setTimeout(once, HIDDEN_TAB_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(task);
  };
}
