import { z } from 'zod';
import { INPUT_LIMITS } from '../inputLimits';
import { StorySummary, StoryStatus } from '../../domain/story';
import { TextSegment } from '../../domain/search';
import { channel } from '../channel';

/** `tag` groups stories by their first tag (the one given first), tags in alphabetical order, untagged last. */
export const LibrarySort = z.enum(['relevance', 'updated', 'headline', 'status', 'section', 'author', 'tag']);
export type LibrarySort = z.infer<typeof LibrarySort>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');

export const LibraryFilters = z
  .object({
    status: z.array(StoryStatus).max(6).optional(),
    /** A section id, or `null` for stories without a section. */
    sectionId: z.string().max(64).nullable().optional(),
    tag: z.string().max(200).optional(),
    author: z.string().max(200).optional(),
    /** Last change on or after this day (in the time zone of `utcOffsetMinutes`). */
    updatedFrom: Day.optional(),
    /** Last change on or before this day (in the time zone of `utcOffsetMinutes`). */
    updatedTo: Day.optional(),
    /** Where the user's days begin: minutes east of UTC (Seoul +540, New York −300). */
    utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
    trashed: z.boolean().default(false),
  })
  .strict();
export type LibraryFilters = z.input<typeof LibraryFilters>;

export const LibraryQueryInput = z
  .object({
    /** Whatever the user typed; every string is a valid query. */
    search: z.string().max(INPUT_LIMITS.search).default(''),
    filters: LibraryFilters.default({ trashed: false, utcOffsetMinutes: 0 }),
    /** `relevance` applies only with a search; without one it falls back to `updated`. */
    sort: LibrarySort.optional(),
    direction: z.enum(['asc', 'desc']).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type LibraryQueryInput = z.input<typeof LibraryQueryInput>;

export const LibraryRow = StorySummary.extend({
  sectionName: z.string().nullable(),
  /** Edited after it was published on some site. */
  changedSincePublished: z.boolean(),
  tags: z.array(z.string()),
  /** The headline split at the words the search matched; null without a search. */
  headlineMarks: z.array(TextSegment).nullable(),
  /** The passage of body or standfirst where the search matched, words marked; null if none did. */
  snippet: z.array(TextSegment).nullable(),
});
export type LibraryRow = z.infer<typeof LibraryRow>;

export const LibraryPage = z.object({
  items: z.array(LibraryRow),
  nextCursor: z.string().nullable(),
  sort: LibrarySort,
  direction: z.enum(['asc', 'desc']),
});
export type LibraryPage = z.infer<typeof LibraryPage>;

export const libraryChannels = {
  /**
   * One page of the library: full-text search (ranked, prefix-as-you-type, "phrases"), filters and
   * a sort; pass `nextCursor` back with the same query for the next page.
   */
  'library:query': channel(LibraryQueryInput, LibraryPage),
  /** Distinct authors of stories, for the author filter. */
  'library:authors': channel(z.object({}).strict(), z.array(z.string())),
};
