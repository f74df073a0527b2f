/**
 * Holds a value from an unmounting view until the user next presses a key or a pointer. A story that
 * reloads because it changed elsewhere unmounts and mounts again with no input in between, so what was
 * kept comes back; a story the user closed and later reopened starts afresh.
 */
export function keptUntilInput<T>() {
  let kept: T | undefined;
  const clear = () => {
    kept = undefined;
    window.removeEventListener('pointerdown', clear, true);
    window.removeEventListener('keydown', clear, true);
  };
  return {
    keep(value: T): void {
      kept = value;
      window.addEventListener('pointerdown', clear, true);
      window.addEventListener('keydown', clear, true);
    },
    peek: (): T | undefined => kept,
    clear,
  };
}

const replyDrafts = new Map<string, string>();

/** What was typed in a comment's reply box and not sent yet, kept for this tab. */
export const replyDraft = (commentId: string): string => replyDrafts.get(commentId) ?? '';

export function setReplyDraft(commentId: string, text: string): void {
  if (text) replyDrafts.set(commentId, text);
  else replyDrafts.delete(commentId);
}

/** The comment whose reply box had the focus when the comments panel went away. */
export const focusedReply = keptUntilInput<string>();
