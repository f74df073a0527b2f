import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoryStatus } from '../../../shared/domain/story';
import type { LibraryPage, LibraryRow, LibrarySort } from '../../../shared/ipc/contract';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

const PAGE_SIZE = 50;
const TYPING_DELAY_MS = 120;

/** What the user chose to narrow the list by; unset fields do not filter. */
export interface LibraryFilterState {
  status: StoryStatus | '';
  /** A section id, 'none' for stories without one, or '' for any. */
  sectionId: string;
  tag: string;
  author: string;
  updatedFrom: string;
  updatedTo: string;
}

export const NO_FILTERS: LibraryFilterState = {
  status: '',
  sectionId: '',
  tag: '',
  author: '',
  updatedFrom: '',
  updatedTo: '',
};

export interface LibraryState {
  items: LibraryRow[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  search: string;
  setSearch(search: string): void;
  filters: LibraryFilterState;
  setFilters(filters: LibraryFilterState): void;
  /** The sort in effect (relevance while searching, unless another was chosen). */
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  setSort(sort: LibrarySort | null, direction?: 'asc' | 'desc'): void;
  loadMore(): void;
}

function toQueryFilters(filters: LibraryFilterState, trashed: boolean) {
  return {
    trashed,
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.sectionId ? { sectionId: filters.sectionId === 'none' ? null : filters.sectionId } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag } : {}),
    ...(filters.author ? { author: filters.author } : {}),
    ...(filters.updatedFrom ? { updatedFrom: filters.updatedFrom } : {}),
    ...(filters.updatedTo ? { updatedTo: filters.updatedTo } : {}),
    ...(filters.updatedFrom || filters.updatedTo
      ? {
          utcOffsetMinutes: -new Date(
            `${filters.updatedFrom || filters.updatedTo}T12:00`,
          ).getTimezoneOffset(),
        }
      : {}),
  };
}

/** The library list: search as you type, filters and sort, keyset pages, kept fresh on every change. */
export function useLibrary(trashed: boolean): LibraryState {
  const client = useClient();
  const [search, setSearchNow] = useState('');
  const [debounced, setDebounced] = useState('');
  const [filters, setFilters] = useState<LibraryFilterState>(NO_FILTERS);
  const [chosen, setChosen] = useState<{ sort: LibrarySort; direction: 'asc' | 'desc' } | null>(null);
  const [page, setPage] = useState<LibraryPage | null>(null);
  const [items, setItems] = useState<LibraryRow[]>([]);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search), search ? TYPING_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setGeneration((n) => n + 1), 150);
    };
    const offStories = client.on('stories:changed', refresh);
    const offTags = client.on('tags:changed', refresh);
    return () => {
      offStories();
      offTags();
      clearTimeout(timer);
    };
  }, [client]);

  const sortChoice = chosen && (chosen.sort !== 'relevance' || debounced.trim()) ? chosen : null;
  const baseQuery = {
    search: debounced,
    filters: toQueryFilters(filters, trashed),
    limit: PAGE_SIZE,
    ...(sortChoice ? { sort: sortChoice.sort, direction: sortChoice.direction } : {}),
  };
  const queryJson = JSON.stringify(baseQuery);
  const requestKey = `${queryJson}#${generation}`;

  useEffect(() => {
    const id = ++latest.current;
    client
      .call('library:query', JSON.parse(queryJson) as typeof baseQuery)
      .then((loaded) => {
        if (id !== latest.current) return;
        setPage(loaded);
        setItems(loaded.items);
        setError(null);
      })
      .catch((cause: unknown) => id === latest.current && setError(errorMessage(cause)))
      .finally(() => id === latest.current && setLoadedKey(requestKey));
  }, [client, queryJson, requestKey]);

  const cursor = page?.nextCursor ?? null;
  const loadMore = useCallback(() => {
    if (!cursor) return;
    const id = latest.current;
    client
      .call('library:query', { ...(JSON.parse(queryJson) as typeof baseQuery), cursor })
      .then((next) => {
        if (id !== latest.current) return;
        setPage(next);
        setItems((previous) => [...previous, ...next.items]);
      })
      .catch((cause: unknown) => setError(errorMessage(cause)));
  }, [client, cursor, queryJson]);

  const setSort = useCallback((sort: LibrarySort | null, direction?: 'asc' | 'desc') => {
    setChosen(sort ? { sort, direction: direction ?? (sort === 'updated' ? 'desc' : 'asc') } : null);
  }, []);

  return {
    items,
    hasMore: cursor !== null,
    loading: loadedKey !== requestKey,
    error,
    search,
    setSearch: setSearchNow,
    filters,
    setFilters,
    sort: page?.sort ?? 'updated',
    direction: page?.direction ?? 'desc',
    setSort,
    loadMore,
  };
}
