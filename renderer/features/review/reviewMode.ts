let pending: string | null = null;
const listeners = new Set<(storyId: string) => void>();

/** Opens `storyId` in review mode: comments panel open, diff at hand (now if it is already open). */
export function enterReviewMode(storyId: string): void {
  pending = storyId;
  listeners.forEach((listener) => listener(storyId));
}

/** Whether the story being opened was opened in review mode. */
export function isInReviewMode(storyId: string): boolean {
  return pending === storyId;
}

/** Review mode applies to one opening of the story. */
export function leaveReviewMode(storyId: string): void {
  if (pending === storyId) pending = null;
}

/** Calls `listener` whenever a story is opened in review mode; returns the unsubscribe. */
export function onReviewMode(listener: (storyId: string) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
