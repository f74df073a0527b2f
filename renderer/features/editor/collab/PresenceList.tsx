import { useSyncExternalStore } from 'react';
import type { StoryDocBinding } from './storyDocBinding';

/** "Rey Reporter" → "RR": what a crowded header shows of a person. */
function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const ends = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return ends.map((word) => Array.from(word)[0]!.toUpperCase()).join('');
}

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
          <span className="presence-initials" aria-hidden="true">
            {initialsOf(person.name)}
          </span>
          <span className="presence-name">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
