import { useEffect, useLayoutEffect, useState } from 'react';
import type { StoryLinks } from '../../../shared/domain/storyLinks';
import { createStoryLinking, type StoryLinking } from './storyLinking';

/** One StoryLinking per editor, kept in step with the open story and its current links. */
export function useStoryLinking(props: {
  storyId?: string | undefined;
  onOpenStory?: ((id: string) => void) | undefined;
  links?: StoryLinks | null | undefined;
}): StoryLinking {
  const [linking] = useState(createStoryLinking);
  useLayoutEffect(() => {
    linking.setContext({ storyId: props.storyId, onOpenStory: props.onOpenStory ?? (() => undefined) });
  });
  useEffect(() => {
    linking.status.set(props.links?.linksTo ?? []);
  }, [linking, props.links]);
  return linking;
}
