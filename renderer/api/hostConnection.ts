/**
 * Whether the host answered the last time the renderer reached for it: the browser host's transport
 * reports each request and event stream it opens (an Electron window's host cannot go away).
 */
export function createHostConnection() {
  let reachable = true;
  let since = Date.now();
  const listeners = new Set<() => void>();
  return {
    get reachable(): boolean {
      return reachable;
    },
    /** When `reachable` last changed (ms). */
    get since(): number {
      return since;
    },
    report(answered: boolean): void {
      if (answered === reachable) return;
      reachable = answered;
      since = Date.now();
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type HostConnection = ReturnType<typeof createHostConnection>;

export const hostConnection = createHostConnection();
