import { z } from 'zod';
import { INPUT_LIMITS } from '../inputLimits';
import { StoryId, StoryStatus } from '../../domain/story';
import { StoryLinks } from '../../domain/storyLinks';
import { channel } from '../channel';

export const LinkSearchInput = z
  .object({
    query: z.string().max(INPUT_LIMITS.linkQuery).default(''),
    excludeId: StoryId.optional(),
    limit: z.number().int().min(1).max(10).default(10),
  })
  .strict();
export type LinkSearchInput = z.input<typeof LinkSearchInput>;

/** A story offered by the link picker. */
export const LinkCandidate = z.object({
  id: StoryId,
  headline: z.string(),
  status: StoryStatus,
  sectionId: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type LinkCandidate = z.infer<typeof LinkCandidate>;

const ById = z.object({ id: StoryId }).strict();

export const linkChannels = {
  /** The stories a story links to and the stories linking to it, with their current headline and whether the link is broken. */
  'links:forStory': channel(ById, StoryLinks),
  /** Up to `limit` stories whose headline starts with or contains the query's words, for the link pickers; trashed and spiked stories are left out. */
  'links:search': channel(LinkSearchInput, z.array(LinkCandidate)),
};
