import type { QueryClient } from '@tanstack/react-query';
import { callKey } from '../../api/callKey';

/**
 * What the story form asks for as soon as it shows, asked beside `stories:get` instead of a round trip after it.
 * Each is a followed channel (invalidations.ts): the form's own query takes the answer and does not ask again.
 */
export function prefetchStoryParts(queryClient: QueryClient, storyId: string): void {
  const keys = [
    callKey('publish:preflight', { storyId }),
    callKey('links:forStory', { id: storyId }),
    callKey('tags:ofStory', { storyId }),
    callKey('sections:list', {}),
  ];
  for (const queryKey of keys) void queryClient.prefetchQuery({ queryKey });
}
