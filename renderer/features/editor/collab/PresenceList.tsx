import { useSyncExternalStore } from 'react';
import type { StoryDocBinding } from './storyDocBinding';

/** Who else has the story open, in their caret colours. */
export function PresenceList({ binding }: { binding: StoryDocBinding }) {
  const people = useSyncExternalStore(binding.subscribe, () => binding.people);
  if (people.length === 0) return null;
  return (
    <ul className="presence-list" aria-label="Also on this story">
      {people.map((person) => (
        <li
          key={person.clientId}
          className={`presence-person collab-person-${person.colorIndex}`}
          title={person.name}
        >
          <span className="presence-dot" aria-hidden="true" />
          <span className="presence-name">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
