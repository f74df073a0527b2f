import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkCandidate } from '../../../shared/ipc/channels/links';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

const DEBOUNCE_MS = 120;

type Waiting = { query: string; callback: (items: LinkCandidate[]) => void };

/**
 * Stories whose headline matches `query`, fetched as the user types; older answers never replace newer
 * ones. `whenReady` runs a callback with the answer for the current query, at once or when it arrives.
 */
export function useStorySearch(query: string, excludeId: string | undefined) {
  const client = useClient();
  const [result, setResult] = useState<{ query: string; items: LinkCandidate[]; error: string | null }>({
    query: '\u0000',
    items: [],
    error: null,
  });
  const waiting = useRef<Waiting | null>(null);
  // The newest answer, readable by an event handler before React re-renders with it.
  const arrived = useRef(result);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        client
          .call('links:search', excludeId ? { query, excludeId } : { query })
          .then((items) => {
            if (!current) return;
            arrived.current = { query, items, error: null };
            setResult(arrived.current);
            const pending = waiting.current;
            waiting.current = null;
            if (pending?.query === query) pending.callback(items);
          })
          .catch((cause: unknown) => current && setResult({ query, items: [], error: errorMessage(cause) }));
      },
      query === '' ? 0 : DEBOUNCE_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, query, excludeId]);

  const loading = result.query !== query;
  const whenReady = useCallback(
    (callback: (items: LinkCandidate[]) => void) => {
      if (arrived.current.query === query) callback(arrived.current.items);
      else waiting.current = { query, callback };
    },
    [query],
  );
  /** The answer for `text` if it has arrived, even if React has not rendered it yet. */
  const answerFor = useCallback(
    (text: string): LinkCandidate[] | null => (arrived.current.query === text ? arrived.current.items : null),
    [],
  );
  return { items: result.items, error: result.error, loading, whenReady, answerFor };
}
