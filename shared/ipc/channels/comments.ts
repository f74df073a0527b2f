import { z } from 'zod';
import { INPUT_LIMITS } from '../inputLimits';
import { Comment, CommentId, CommentText } from '../../domain/comment';
import { StoryId } from '../../domain/story';
import { channel } from '../channel';

export const commentChannels = {
  /** A story's comments in document order (orphaned ones last), with replies. */
  'comments:list': channel(z.object({ storyId: StoryId }).strict(), z.array(Comment)),
  /** Stores a comment; the caller then anchors it to the text with a CommentAnchor mark carrying its id. */
  'comments:create': channel(
    z
      .object({
        storyId: StoryId,
        text: CommentText,
        quote: z.string().max(INPUT_LIMITS.commentQuote).default(''),
      })
      .strict(),
    Comment,
  ),
  /** Adds a reply; returns the whole comment. */
  'comments:reply': channel(z.object({ commentId: CommentId, text: CommentText }).strict(), Comment),
  /** Resolves or reopens a comment. */
  'comments:resolve': channel(z.object({ commentId: CommentId, resolved: z.boolean() }).strict(), Comment),
  /** Changes the text of a comment or a reply (returning its whole comment); only its author may (`forbidden` for anyone else). */
  'comments:edit': channel(z.object({ commentId: CommentId, text: CommentText }).strict(), Comment),
  /**
   * Deletes a reply, or a comment and its replies; only its author may (`forbidden` for anyone else). For a comment,
   * the caller then removes its CommentAnchor mark from the body.
   */
  'comments:delete': channel(z.object({ commentId: CommentId }).strict(), z.object({ id: CommentId })),
};

export const CommentsChanged = z.object({
  storyId: StoryId,
  /** The top-level comment that changed (for a reply, the comment replied to). */
  commentId: CommentId,
});
export type CommentsChanged = z.infer<typeof CommentsChanged>;

export const commentEvents = {
  /**
   * A comment was written, edited, deleted, replied to, resolved or reopened, or a body save anchored, moved or orphaned
   * it: what `comments:list` answers for the story changed.
   */
  'comments:changed': CommentsChanged,
};
