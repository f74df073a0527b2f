import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { StoryStatus } from '../../../shared/domain/story';
import type { LibraryPage, LibraryQueryInput, LibraryRow, LibrarySort } from '../../../shared/ipc/contract';
import { callKey, type CallKey } from '../../api/callKey';
import { LIBRARY_PAGE_SIZE, OPENING_LIBRARY_PAGE } from '../../api/firstScreenCalls';
import { errorMessage } from '../../api/errorMessage';
import { useTypedText } from '../../api/useSearch';

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

/** What a library view always narrows to, whatever the person's own filters: the trash, or the stories returned to someone. */
export interface LibraryScope {
  trashed: boolean;
  /** Only this author's stories that an editor returned. */
  returnedTo?: string | undefined;
}

function toQueryFilters(filters: LibraryFilterState, scope: LibraryScope) {
  return {
    trashed: scope.trashed,
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
    ...(scope.returnedTo !== undefined ? { status: ['returned' as const], author: scope.returnedTo } : {}),
  };
}

/** The library's pages for one input, as the list reads them and the first screen asks for them. */
const libraryPages = (input: LibraryQueryInput) =>
  infiniteQueryOptions<
    LibraryPage,
    Error,
    InfiniteData<LibraryPage>,
    CallKey<'library:query'>,
    string | undefined
  >({
    queryKey: callKey('library:query', input),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/**
 * Asks for the first page of the library as it opens (no search, no filters) at once, beside who is using
 * the app, rather than after: the list is then on screen one round trip sooner.
 */
export function prefetchLibrary(queryClient: QueryClient): void {
  void queryClient.prefetchInfiniteQuery(libraryPages(OPENING_LIBRARY_PAGE));
}

/** The library list: search as you type, filters and sort, keyset pages, kept fresh by the cache. */
export function useLibrary(scope: LibraryScope): LibraryState {
  const [search, setSearch] = useState('');
  const typed = useTypedText(search);
  const [filters, setFilters] = useState<LibraryFilterState>(NO_FILTERS);
  const [chosen, setChosen] = useState<{ sort: LibrarySort; direction: 'asc' | 'desc' } | null>(null);

  const sortChoice = chosen && (chosen.sort !== 'relevance' || typed.trim()) ? chosen : null;
  const input: LibraryQueryInput = {
    search: typed,
    filters: toQueryFilters(filters, scope),
    limit: LIBRARY_PAGE_SIZE,
    ...(sortChoice ? { sort: sortChoice.sort, direction: sortChoice.direction } : {}),
  };
  const query = useInfiniteQuery({ ...libraryPages(input), placeholderData: keepPreviousData });
  const pages = query.data?.pages;
  const last = pages?.at(-1);
  const { fetchNextPage } = query;

  const setSort = useCallback((sort: LibrarySort | null, direction?: 'asc' | 'desc') => {
    setChosen(sort ? { sort, direction: direction ?? (sort === 'updated' ? 'desc' : 'asc') } : null);
  }, []);

  return {
    items: useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]),
    hasMore: Boolean(last?.nextCursor),
    loading: query.isFetching && !query.isFetchingNextPage,
    error: query.error ? errorMessage(query.error) : null,
    search,
    setSearch,
    filters,
    setFilters,
    sort: last?.sort ?? 'updated',
    direction: last?.direction ?? 'desc',
    setSort,
    loadMore: useCallback(() => void fetchNextPage(), [fetchNextPage]),
  };
}
