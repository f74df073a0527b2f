import { z } from 'zod';
import { Story, StoryFields, StoryId, StorySummary } from '../../domain/story';
import { channel } from '../channel';

export const ById = z.object({ id: StoryId }).strict();

export const StoryCreateInput = StoryFields.partial().strict();
export type StoryCreateInput = z.infer<typeof StoryCreateInput>;

export const StoryListInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
    trashed: z.boolean().default(false),
  })
  .strict();
export type StoryListInput = z.input<typeof StoryListInput>;

export const StoryPage = z.object({ items: z.array(StorySummary), nextCursor: z.string().nullable() });
export type StoryPage = z.infer<typeof StoryPage>;

export const StorySaveInput = z
  .object({
    id: StoryId,
    expectedVersion: z.number().int().positive(),
    changes: StoryFields.partial().strict(),
  })
  .strict();
export type StorySaveInput = z.infer<typeof StorySaveInput>;

export const StoryChanged = z.object({
  id: StoryId,
  version: z.number().int(),
  change: z.enum(['created', 'saved', 'trashed', 'restored']),
});

export const storyChannels = {
  /** Creates a draft story; every field is optional. */
  'stories:create': channel(StoryCreateInput, Story),
  /** One story, trashed or not. */
  'stories:get': channel(ById, Story),
  /** A page of stories, most recently changed first; pass `nextCursor` back for the next page. */
  'stories:list': channel(StoryListInput, StoryPage),
  /** Saves changed fields if the story is still at `expectedVersion`; otherwise fails with `conflict`. */
  'stories:save': channel(StorySaveInput, Story),
  /** Moves a story to the trash (restorable). */
  'stories:trash': channel(ById, Story),
  /** Takes a story out of the trash. */
  'stories:restore': channel(ById, Story),
};

export const storyEvents = {
  'stories:changed': StoryChanged,
};
