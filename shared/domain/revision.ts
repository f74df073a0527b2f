import { z } from 'zod';
import { StoryFields } from './story';

export const RevisionReason = z.enum(['created', 'autosave', 'manual', 'restore', 'status']);
export type RevisionReason = z.infer<typeof RevisionReason>;

export const RevisionSummary = z.object({
  storyId: z.string(),
  n: z.number().int().positive(),
  reason: RevisionReason,
  label: z.string(),
  author: z.string(),
  createdAt: z.iso.datetime(),
  /** Last time this revision absorbed an autosave. */
  updatedAt: z.iso.datetime(),
  storyVersion: z.number().int().positive(),
  headline: z.string(),
  wordCount: z.number().int().nonnegative(),
  /** Words added (positive) or removed (negative) since the previous revision. */
  wordDelta: z.number().int(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const Revision = RevisionSummary.extend({
  fields: StoryFields,
  /** The story's tags then; null for revisions recorded before tags were kept. */
  tags: z.array(z.string()).nullable(),
});
export type Revision = z.infer<typeof Revision>;
