const bound = new Map<string, number>();

/**
 * The stories this window edits live through their desk doc (counted: a new binding replaces the shown one
 * only once it has loaded). While a story is, its doc is what the window shows and writes.
 */
export const liveDocs = {
  add(storyId: string): void {
    bound.set(storyId, (bound.get(storyId) ?? 0) + 1);
  },
  remove(storyId: string): void {
    const left = (bound.get(storyId) ?? 0) - 1;
    if (left > 0) bound.set(storyId, left);
    else bound.delete(storyId);
  },
  has: (storyId: string): boolean => bound.has(storyId),
};
