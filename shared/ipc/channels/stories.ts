import { z } from 'zod';
import { Story, StoryFields, StoryId } from '../../domain/story';
import { channel } from '../channel';

export const ById = z.object({ id: StoryId }).strict();

export const StoryCreateInput = StoryFields.partial().strict();
export type StoryCreateInput = z.infer<typeof StoryCreateInput>;

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
  /** The change is the story's desk doc written into the row: a window editing that doc live holds it already. */
  fromDoc: z.literal(true).optional(),
});

export const storyChannels = {
  /** Creates a draft story; every field is optional. */
  'stories:create': channel(StoryCreateInput, Story),
  /** One story, trashed or not. */
  'stories:get': channel(ById, Story),
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
