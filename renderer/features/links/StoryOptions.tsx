import type { LinkCandidate } from '../../../shared/ipc/channels/links';
import { StatusBadge } from '../../components/StatusBadge';

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/** The picker's result list: a listbox whose active option follows the arrow keys. */
export function StoryOptions(props: {
  id: string;
  label: string;
  items: LinkCandidate[];
  active: number;
  loading: boolean;
  error: string | null;
  onActive(index: number): void;
  onChoose(item: LinkCandidate): void;
}) {
  if (props.error) {
    return (
      <p role="alert" className="field-error">
        {props.error}
      </p>
    );
  }
  if (props.items.length === 0) {
    return <p className="story-options-empty">{props.loading ? 'Searching…' : 'No matching stories'}</p>;
  }
  return (
    <ul id={props.id} role="listbox" aria-label={props.label} className="story-options">
      {props.items.map((item, index) => (
        <li
          key={item.id}
          id={optionId(props.id, index)}
          role="option"
          aria-selected={index === props.active}
          className="story-option"
          // Keep the focus (and the editor's selection) where it is.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => props.onActive(index)}
          onClick={() => props.onChoose(item)}
        >
          <span className="story-option-headline">{item.headline || 'Untitled story'}</span>
          <StatusBadge status={item.status} />
        </li>
      ))}
    </ul>
  );
}

/** Moves the active index for ↑/↓; returns the new index, or null when the key is not an arrow. */
export function nextActive(key: string, active: number, count: number): number | null {
  if (key === 'ArrowDown') return count === 0 ? 0 : (active + 1) % count;
  if (key === 'ArrowUp') return count === 0 ? 0 : (active - 1 + count) % count;
  return null;
}
