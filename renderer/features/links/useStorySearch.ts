import type { LinkCandidate } from '../../../shared/ipc/channels/links';
import { useSearch } from '../../api/useSearch';

/** Stories whose headline matches `query`, for the story pickers, searched as the user types. */
export function useStorySearch(query: string, excludeId: string | undefined) {
  const search = useSearch('links:search', query, (text) =>
    excludeId ? { query: text, excludeId } : { query: text },
  );
  return {
    items: search.value ?? [],
    error: search.error,
    loading: !search.answered && !search.error,
    /** Runs `callback` with the answer for the current query, at once or when it arrives. */
    whenReady: (callback: (items: LinkCandidate[]) => void) =>
      void search.answerOf(query).then(callback, () => undefined),
    /** The answer for `text` if it has arrived, even if React has not rendered it yet. */
    answerFor: search.cachedAnswer,
    /** The answer for `text`, asked now unless it has arrived. */
    answerOf: search.answerOf,
  };
}
