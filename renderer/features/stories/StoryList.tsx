import { useRef, type KeyboardEvent } from 'react';
import type { LibraryView } from '../../components/Sidebar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatFull, formatWhen } from '../../components/formatTime';
import type { StoryListState } from './useStoryList';

export function StoryList(props: {
  list: StoryListState;
  view: LibraryView;
  selectedId: string | null;
  onSelect(id: string): void;
}) {
  const { list, selectedId, onSelect } = props;
  const listRef = useRef<HTMLUListElement>(null);

  const moveSelection = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = list.items.findIndex((story) => story.id === selectedId);
    const next =
      list.items[Math.min(list.items.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    onSelect(next.id);
    listRef.current?.querySelector<HTMLElement>(`[data-id="${next.id}"]`)?.focus();
  };

  return (
    <section className="story-list" aria-label={props.view === 'trash' ? 'Trash' : 'Stories'}>
      <header className="list-header">
        <h2>{props.view === 'trash' ? 'Trash' : 'All stories'}</h2>
        <span className="count">{list.items.length + (list.hasMore ? '+' : '')}</span>
      </header>
      {list.error && (
        <p role="alert" className="banner banner-error">
          {list.error}
        </p>
      )}
      {!list.loading && list.items.length === 0 && !list.error && (
        <p className="list-empty">{props.view === 'trash' ? 'The trash is empty.' : 'No stories yet.'}</p>
      )}
      <ul ref={listRef} className="stories" onKeyDown={moveSelection}>
        {list.items.map((story) => (
          <li key={story.id}>
            <button
              className="story-row"
              data-id={story.id}
              aria-current={story.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(story.id)}
            >
              <span className="story-row-headline">{story.headline || 'Untitled story'}</span>
              {story.standfirst && <span className="story-row-standfirst">{story.standfirst}</span>}
              <span className="story-row-meta">
                <StatusBadge status={story.status} />
                <time dateTime={story.updatedAt} title={formatFull(story.updatedAt)}>
                  {formatWhen(story.updatedAt)}
                </time>
                <span>{story.wordCount} words</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {list.hasMore && (
        <button className="button-quiet load-more" onClick={list.loadMore}>
          Load more
        </button>
      )}
    </section>
  );
}
