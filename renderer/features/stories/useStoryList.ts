import { useCallback, useEffect, useState } from 'react';
import type { StorySummary } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

const PAGE_SIZE = 50;

export interface StoryListState {
  items: StorySummary[];
  hasMore: boolean;
  loading: boolean;
  error: string | null;
  loadMore(): void;
}

/** A page-at-a-time list of stories that refreshes itself when any story changes. */
export function useStoryList(trashed: boolean): StoryListState {
  const client = useClient();
  const [items, setItems] = useState<StorySummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = client.on('stories:changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => setGeneration((n) => n + 1), 150);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [client]);

  const requestKey = `${trashed}:${generation}`;
  useEffect(() => {
    let current = true;
    client
      .call('stories:list', { trashed, limit: PAGE_SIZE })
      .then((page) => {
        if (!current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setError(null);
      })
      .catch((cause: unknown) => current && setError(errorMessage(cause)))
      .finally(() => current && setLoadedKey(requestKey));
    return () => {
      current = false;
    };
  }, [client, trashed, requestKey]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    client
      .call('stories:list', { trashed, limit: PAGE_SIZE, cursor: nextCursor })
      .then((page) => {
        setItems((previous) => [...previous, ...page.items]);
        setNextCursor(page.nextCursor);
      })
      .catch((cause: unknown) => setError(errorMessage(cause)));
  }, [client, trashed, nextCursor]);

  return { items, hasMore: nextCursor !== null, loading: loadedKey !== requestKey, error, loadMore };
}
