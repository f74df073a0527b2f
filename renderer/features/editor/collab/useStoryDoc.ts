import { useEffect, useRef, useState } from 'react';
import type { DeskPerson } from '../../../../shared/ipc/contract';
import { useClient } from '../../../api/ClientContext';
import { useQueryCall } from '../../../api/useQueryCall';
import { colorIndexOf, type PresenceUser } from './presenceColors';
import { StoryDocBinding } from './storyDocBinding';
import { useRefreshAfterCorrection } from './useRefreshAfterCorrection';

export interface LiveStory {
  /** False until it is known whether the story is on a desk (and, if so, its doc is loaded). */
  ready: boolean;
  /** The story's doc and presence when it is on the desk; null in solo mode. */
  binding: StoryDocBinding | null;
}

const userOf = (person: Pick<DeskPerson, 'id' | 'name'>): PresenceUser => ({
  name: person.name,
  personId: person.id,
  colorIndex: colorIndexOf(person.id),
});

/** Binds an open story to its desk document when this install joined a desk and the story is on it. */
export function useStoryDoc(storyId: string): LiveStory {
  const client = useClient();
  const status = useQueryCall('desk:status', {});
  const person = status.value?.joined ? status.value.person : null;
  const state = useQueryCall('desk:storyState', person ? { storyId } : null);
  // null while unknown; an unanswered question counts as solo, as before the desk existed.
  let onDesk: boolean | null = false;
  if (person) onDesk = state.value?.onDesk ?? (state.error ? false : null);
  else if (!status.value && !status.error) onDesk = null;
  const [bound, setBound] = useState<{ binding: StoryDocBinding | null; storyId: string } | null>(null);
  const personId = person?.id;
  const personName = person?.name;

  const rebind = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (!onDesk || !personId) return;
    const user = userOf({ id: personId, name: personName ?? '' });
    let open = true;
    let shown: StoryDocBinding | null = null;
    const made = new Set<StoryDocBinding>();
    const drop = (binding: StoryDocBinding | null) => {
      binding?.destroy();
      if (binding) made.delete(binding);
    };
    // A new binding replaces the shown one only once it is loaded, so the editor never falls back to solo between.
    const bind = (first: boolean) => {
      const binding = new StoryDocBinding(client, storyId, user);
      made.add(binding);
      binding.start().then(
        () => {
          if (!open) return;
          drop(shown);
          shown = binding;
          setBound({ binding, storyId });
        },
        // The doc is not here (yet): the story is edited as in solo mode, its saves still reach the desk's doc.
        () => {
          drop(binding);
          if (open && first) setBound({ binding: null, storyId });
        },
      );
    };
    bind(true);
    rebind.current = () => bind(false);
    return () => {
      open = false;
      rebind.current = null;
      made.forEach((binding) => binding.destroy());
      setBound(null);
    };
  }, [client, storyId, onDesk, personId, personName]);

  const shownBinding = bound?.storyId === storyId ? bound.binding : null;
  useRefreshAfterCorrection(
    shownBinding,
    {
      frozen: state.value?.status === 'published' || state.value?.status === 'spiked',
      correctionId: state.value?.correctionId ?? null,
    },
    () => rebind.current?.(),
  );

  if (onDesk === null) return { ready: false, binding: null };
  if (!onDesk) return { ready: true, binding: null };
  if (!bound || bound.storyId !== storyId) return { ready: false, binding: null };
  return { ready: true, binding: bound.binding };
}
