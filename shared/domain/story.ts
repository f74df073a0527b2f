import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from './slug';

/** An id made by the core (a ULID); `what` names it in the error message. */
export const ulidOf = (what: string) =>
  z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, `Expected a ${what} id (ULID)`);

export const StoryId = ulidOf('story');
export type StoryId = z.infer<typeof StoryId>;

export const StoryStatus = z.enum(['draft', 'in_review', 'returned', 'approved', 'published', 'spiked']);
export type StoryStatus = z.infer<typeof StoryStatus>;

/** A TipTap document as JSON. Its structure is checked against the editor schema by the core. */
export const StoryBody = z
  .object({ type: z.literal('doc'), content: z.array(z.record(z.string(), z.unknown())).optional() })
  .loose();
export type StoryBody = z.infer<typeof StoryBody>;

export const emptyBody = (): StoryBody => ({ type: 'doc', content: [{ type: 'paragraph' }] });

const line = (max: number) => z.string().max(max, `At most ${max} characters`);
const Timestamp = z.iso.datetime();

export const StoryFields = z.object({
  headline: line(300),
  standfirst: line(1000),
  byline: line(200),
  dateline: line(200),
  credit: line(200),
  slug: z.union([
    z.literal(''),
    z.string().max(SLUG_MAX_LENGTH).regex(SLUG_PATTERN, 'Lowercase letters, digits and hyphens only'),
  ]),
  sectionId: z.string().max(64).nullable(),
  featuredImage: z.string().max(500).nullable(),
  /** Not to be published before this time. */
  embargoUntil: Timestamp.nullable(),
  body: StoryBody,
});
export type StoryFields = z.infer<typeof StoryFields>;

export const Story = StoryFields.extend({
  id: StoryId,
  status: StoryStatus,
  slugEdited: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  author: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  trashedAt: Timestamp.nullable(),
  version: z.number().int().positive(),
});
export type Story = z.infer<typeof Story>;

export const StorySummary = Story.pick({
  id: true,
  headline: true,
  standfirst: true,
  slug: true,
  status: true,
  sectionId: true,
  byline: true,
  author: true,
  wordCount: true,
  updatedAt: true,
  trashedAt: true,
  version: true,
});
export type StorySummary = z.infer<typeof StorySummary>;

/** The editable fields of a story (what revisions and publications snapshot). */
export const storyFieldsOf = (story: Story): StoryFields => ({
  headline: story.headline,
  standfirst: story.standfirst,
  byline: story.byline,
  dateline: story.dateline,
  credit: story.credit,
  slug: story.slug,
  sectionId: story.sectionId,
  featuredImage: story.featuredImage,
  embargoUntil: story.embargoUntil,
  body: story.body,
});
