const bound = new Map<string, number>();
const left = new Set<(storyId: string) => void>();

/**
 * The stories this window edits live through their desk doc (counted: a new binding replaces the shown one
 * only once it has loaded). While a story is, its doc is what the window shows and writes.
 */
export const liveDocs = {
  add(storyId: string): void {
    bound.set(storyId, (bound.get(storyId) ?? 0) + 1);
  },
  remove(storyId: string): void {
    const still = (bound.get(storyId) ?? 0) - 1;
    if (still > 0) return void bound.set(storyId, still);
    bound.delete(storyId);
    left.forEach((listener) => listener(storyId));
  },
  has: (storyId: string): boolean => bound.has(storyId),
  /** Calls back when the window no longer edits the story's doc live. */
  onLeft(listener: (storyId: string) => void): () => void {
    left.add(listener);
    return () => left.delete(listener);
  },
};
