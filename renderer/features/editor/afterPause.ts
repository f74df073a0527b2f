/**
 * Calls `callback` once `delayMs` have passed since the last `touch()`. One timer however fast the
 * touches come: clearing and setting a timer on every keystroke costs the key handler more than the check.
 */
export function afterPause(callback: () => void, delayMs: number): { touch(): void; cancel(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    const wait = last + delayMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(fire, wait);
      return;
    }
    timer = undefined;
    callback();
  };
  return {
    touch() {
      last = Date.now();
      timer ??= setTimeout(fire, delayMs);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
