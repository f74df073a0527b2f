import { z } from 'zod';
import { StoryId, StoryStatus } from '../../domain/story';
import { StoryLinks } from '../../domain/storyLinks';
import { channel } from '../channel';

export const LinkSearchInput = z
  .object({
    query: z.string().max(300).default(''),
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

/** A published story as the site pages list it. */
export const SiteStory = z.object({
  id: StoryId,
  headline: z.string(),
  standfirst: z.string(),
  slug: z.string(),
  sectionId: z.string().nullable(),
  publishedAt: z.iso.datetime(),
});
export type SiteStory = z.infer<typeof SiteStory>;

export const SiteAdjacent = z.object({ previous: SiteStory.nullable(), next: SiteStory.nullable() });
export type SiteAdjacent = z.infer<typeof SiteAdjacent>;

export const SiteLatestInput = z
  .object({
    sectionId: z.string().min(1).max(64),
    limit: z.number().int().min(1).max(50).default(5),
    excludeId: StoryId.optional(),
  })
  .strict();
export type SiteLatestInput = z.input<typeof SiteLatestInput>;

const ById = z.object({ id: StoryId }).strict();

export const linkChannels = {
  /** The stories a story links to and the stories linking to it, with their current headline and whether the link is broken. */
  'links:forStory': channel(ById, StoryLinks),
  /** Up to `limit` stories whose headline starts with or contains the query's words, for the link pickers; trashed and spiked stories are left out. */
  'links:search': channel(LinkSearchInput, z.array(LinkCandidate)),
  /** The published stories just before and after this one in its section, by publish time (creation time until published). */
  'site:adjacent': channel(ById, SiteAdjacent),
  /** The newest published stories of a section with their standfirst, newest first. */
  'site:latest': channel(SiteLatestInput, z.array(SiteStory)),
};
