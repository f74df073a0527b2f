import { ChangedSincePublishedBadge } from '../publish/ChangedSincePublishedBadge';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { LibrarySort } from '../../../shared/ipc/contract';
import type { LibraryView } from '../../components/Sidebar';
import { StatusBadge } from '../../components/StatusBadge';
import { formatFull, formatWhen } from '../../components/formatTime';
import { LibraryFilters } from '../library/LibraryFilters';
import { Marked } from '../library/Marked';
import { NO_FILTERS, type LibraryState } from '../library/useLibrary';
import { LIMITS } from '../../components/fieldLimits';
import { useCurrentPerson } from '../people/PersonContext';
import { isAuthor } from '../review/isAuthor';
import { prefetchStory } from './prefetchStory';
import '../library/library.css';
import '../tags/tags.css';
import './storyList.css';

const SORTS: { id: LibrarySort; label: string }[] = [
  { id: 'relevance', label: 'Best match' },
  { id: 'updated', label: 'Last change' },
  { id: 'headline', label: 'Headline' },
  { id: 'status', label: 'Status' },
  { id: 'section', label: 'Section' },
  { id: 'author', label: 'Author' },
  { id: 'tag', label: 'Tag' },
];

/** The library column: search box, filters, sort, and the keyboard-navigable list of stories. */
export function StoryList(props: {
  list: LibraryState;
  view: LibraryView;
  selectedId: string | null;
  onSelect(id: string): void;
}) {
  const { list, selectedId, onSelect } = props;
  const queryClient = useQueryClient();
  const listRef = useRef<HTMLUListElement>(null);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = Object.entries(list.filters).filter(
    ([key, value]) => value !== NO_FILTERS[key as keyof typeof NO_FILTERS],
  ).length;
  const { person } = useCurrentPerson();
  const title =
    props.view === 'trash' ? 'Trash' : props.view === 'returned' ? 'Returned to you' : 'All stories';
  const selectedInList = list.items.some((story) => story.id === selectedId) ? selectedId : null;

  const rows = () => [...(listRef.current?.querySelectorAll<HTMLElement>('.story-row') ?? [])];
  const moveFocus = (event: KeyboardEvent) => {
    const all = rows();
    const index = all.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowDown') next = all[Math.min(all.length - 1, index + 1)];
    else if (event.key === 'ArrowUp') next = index <= 0 ? undefined : all[index - 1];
    else if (event.key === 'Home') next = all[0];
    else if (event.key === 'End') next = all.at(-1);
    else return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && index <= 0) {
      document.querySelector<HTMLInputElement>('.library-search input')?.focus();
      return;
    }
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <section className="story-list" aria-label={title === 'Trash' ? 'Trash' : 'Stories'}>
      <header className="list-header">
        <h2>{title}</h2>
        <span className="count" aria-live="polite">
          {list.items.length + (list.hasMore ? '+' : '')}
        </span>
      </header>
      <div className="library-search">
        <input
          type="search"
          aria-label="Search stories"
          maxLength={LIMITS.search}
          placeholder="Search stories"
          value={list.search}
          onChange={(event) => list.setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            rows()[0]?.focus();
          }}
        />
        <div className="library-controls">
          <label className="library-sort">
            <span>Sort</span>
            <select
              aria-label="Sort by"
              value={list.sort}
              onChange={(event) => list.setSort(event.target.value as LibrarySort)}
            >
              {SORTS.filter((sort) => sort.id !== 'relevance' || list.search.trim()).map((sort) => (
                <option key={sort.id} value={sort.id}>
                  {sort.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button-quiet button-small"
            aria-label={list.direction === 'asc' ? 'Ascending order' : 'Descending order'}
            title="Reverse the order"
            onClick={() => list.setSort(list.sort, list.direction === 'asc' ? 'desc' : 'asc')}
          >
            {list.direction === 'asc' ? '↑' : '↓'}
          </button>
          <span className="spacer" />
          <button
            type="button"
            className="button-quiet button-small"
            aria-expanded={filtersOpen}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            Filters{activeFilters ? ` (${activeFilters})` : ''}
          </button>
        </div>
        {filtersOpen && <LibraryFilters value={list.filters} onChange={list.setFilters} />}
      </div>
      {list.error && (
        <p role="alert" className="banner banner-error">
          {list.error}
        </p>
      )}
      {!list.loading && list.items.length === 0 && !list.error && (
        <p className="list-empty">
          {list.search.trim() || activeFilters
            ? 'No stories match.'
            : props.view === 'trash'
              ? 'The trash is empty.'
              : props.view === 'returned'
                ? 'Nothing is waiting for you: no story of yours has been returned.'
                : 'No stories yet.'}
        </p>
      )}
      <ul ref={listRef} className="stories" onKeyDown={moveFocus} aria-busy={list.loading}>
        {list.items.map((story) => (
          <li key={story.id}>
            <button
              className="story-row"
              data-id={story.id}
              aria-current={story.id === selectedId ? 'true' : undefined}
              // One Tab stop for the whole list (the open story, else the first); arrows move inside it.
              tabIndex={story.id === (selectedInList ?? list.items[0]?.id) ? 0 : -1}
              // Asked for as the row is pressed, not once the click ends and the pane has rendered.
              onPointerDown={() => prefetchStory(queryClient, story.id)}
              onClick={() => onSelect(story.id)}
            >
              <span className="story-row-headline">
                {story.headlineMarks?.some((segment) => segment.match) ? (
                  <Marked segments={story.headlineMarks} />
                ) : (
                  story.headline || 'Untitled story'
                )}
              </span>
              {story.snippet ? (
                <span className="story-row-snippet">
                  <Marked segments={story.snippet} />
                </span>
              ) : (
                story.standfirst && <span className="story-row-standfirst">{story.standfirst}</span>
              )}
              <span className="story-row-meta">
                <StatusBadge status={story.status} yours={isAuthor(story.author, person.name)} />
                {story.changedSincePublished && (
                  <ChangedSincePublishedBadge title="Edited after it was published" />
                )}
                {story.sectionName && <span className="story-row-section">{story.sectionName}</span>}
                {(story.author || story.byline) && (
                  <span className="story-row-author">
                    {story.author || story.byline.replace(/^By\s+/iu, '')}
                  </span>
                )}
                <time dateTime={story.updatedAt} title={formatFull(story.updatedAt)}>
                  {formatWhen(story.updatedAt)}
                </time>
              </span>
              {story.tags.length > 0 && (
                <span className="story-row-tags">
                  {story.tags.map((tag) => (
                    <span key={tag} className="tag-chip">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
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
