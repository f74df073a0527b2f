import { z } from 'zod';
import { ActivityEntry } from '../../domain/activity';
import { StoryId } from '../../domain/story';
import { channel } from '../channel';

export const activityChannels = {
  /** A story's timeline, newest first. */
  'activity:list': channel(
    z.object({ storyId: StoryId, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.array(ActivityEntry),
  ),
};
