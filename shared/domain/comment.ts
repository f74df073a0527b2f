import { z } from 'zod';
import { ulidOf } from './story';

export const CommentId = ulidOf('comment');

export const CommentReply = z.object({
  id: CommentId,
  author: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});
export type CommentReply = z.infer<typeof CommentReply>;

/** A review comment anchored to text in a story body by a CommentAnchor mark carrying its id. */
export const Comment = z.object({
  id: CommentId,
  storyId: z.string(),
  text: z.string(),
  /** The text it was anchored to when written, shown when the anchor is gone. */
  quote: z.string(),
  author: z.string(),
  resolved: z.boolean(),
  /** The anchored text is no longer in the saved body. */
  orphaned: z.boolean(),
  /** Order of the anchor in the saved body; null when orphaned or not saved yet. */
  position: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  replies: z.array(CommentReply),
});
export type Comment = z.infer<typeof Comment>;

export const CommentText = z
  .string()
  .trim()
  .min(1, 'Write something first')
  .max(4000, 'At most 4000 characters');
