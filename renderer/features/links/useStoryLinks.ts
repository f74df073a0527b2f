import { useEffect, useState } from 'react';
import type { StoryLinks } from '../../../shared/domain/storyLinks';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

export interface StoryLinksState {
  links: StoryLinks | null;
  error: string | null;
}

/** A story's links both ways, fetched again whenever any story changes (a save, trash or restore anywhere). */
export function useStoryLinks(storyId: string): StoryLinksState {
  const client = useClient();
  const [state, setState] = useState<StoryLinksState>({ links: null, error: null });
  useEffect(() => {
    let current = true;
    let latest = 0;
    const load = () => {
      const request = ++latest;
      client
        .call('links:forStory', { id: storyId })
        .then((links) => current && request === latest && setState({ links, error: null }))
        .catch(
          (cause: unknown) =>
            current &&
            request === latest &&
            setState((previous) => ({ ...previous, error: errorMessage(cause) })),
        );
    };
    load();
    const off = client.on('stories:changed', load);
    return () => {
      current = false;
      off();
    };
  }, [client, storyId]);
  return state;
}
