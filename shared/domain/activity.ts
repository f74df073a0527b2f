import { z } from 'zod';

export const ActivityKind = z.enum(['created', 'saved', 'status', 'comment', 'publish']);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** One line of a story's timeline; `count` is how many saves a coalesced entry stands for. */
export const ActivityEntry = z.object({
  id: z.number().int(),
  storyId: z.string(),
  kind: ActivityKind,
  actor: z.string(),
  summary: z.string(),
  count: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ActivityEntry = z.infer<typeof ActivityEntry>;
