const replyDrafts = new Map<string, string>();

/** What was typed in a comment's reply box and not sent yet, kept for this tab (the panel may close meanwhile). */
export const replyDraft = (commentId: string): string => replyDrafts.get(commentId) ?? '';

export function setReplyDraft(commentId: string, text: string): void {
  if (text) replyDrafts.set(commentId, text);
  else replyDrafts.delete(commentId);
}
