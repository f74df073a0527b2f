import type { QueryClient } from '@tanstack/react-query';
import { callKey } from '../../api/callKey';
import { isSavingInBackground } from './storySaver';

/**
 * Asks for a story about to open, and what its form asks for as soon as it shows, from the moment the
 * person reaches for it (the row pressed, the open begun) rather than once the pane has rendered. Each is
 * a followed channel (invalidations.ts): the pane's own queries take the answers and do not ask again.
 * A story whose last edits are still being stored is left alone: the pane waits for them, or it would
 * show the older text.
 */
export function prefetchStory(queryClient: QueryClient, storyId: string): void {
  if (isSavingInBackground(storyId)) return;
  const keys = [
    callKey('stories:get', { id: storyId }),
    callKey('publish:preflight', { storyId }),
    callKey('links:forStory', { id: storyId }),
    callKey('tags:ofStory', { storyId }),
    callKey('sections:list', {}),
  ];
  for (const queryKey of keys) void queryClient.prefetchQuery({ queryKey });
}
