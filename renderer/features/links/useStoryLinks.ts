import type { StoryLinks } from '../../../shared/domain/storyLinks';
import { useQueryCall } from '../../api/useQueryCall';

export interface StoryLinksState {
  links: StoryLinks | null;
  error: string | null;
}

/** A story's links both ways, from the cache (stale when a story changes, or this one's links do). */
export function useStoryLinks(storyId: string): StoryLinksState {
  const { value, error } = useQueryCall('links:forStory', { id: storyId });
  return { links: value ?? null, error };
}
