import { useCallback, useEffect, useState } from 'react';
import type { Preflight } from '../../../shared/ipc/channels/publish';
import { useClient } from '../../api/ClientContext';

/** The pre-flight of a story on its target, kept current as the story is saved and its jobs move. */
export function usePreflight(storyId: string): {
  preflight: Preflight | null;
  refresh(): void;
  replace(preflight: Preflight): void;
} {
  const client = useClient();
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const refresh = useCallback(() => {
    client
      .call('publish:preflight', { storyId })
      .then(setPreflight)
      .catch(() => undefined);
  }, [client, storyId]);
  useEffect(() => {
    refresh();
    const offStory = client.on('stories:changed', (event) => event.id === storyId && refresh());
    const offJob = client.on('publish:progress', (job) => job.storyId === storyId && refresh());
    // The unresolved-comments warning follows comments written or resolved in any window.
    const offComments = client.on('comments:changed', (event) => event.storyId === storyId && refresh());
    return () => {
      offStory();
      offJob();
      offComments();
    };
  }, [client, storyId, refresh]);
  return { preflight, refresh, replace: setPreflight };
}
