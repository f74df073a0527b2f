import { returnedToAuthor } from '../../api/firstScreenCalls';
import { useQueryCall } from '../../api/useQueryCall';

/** How many of this author's stories an editor has returned (kept fresh by the library's invalidations). */
export function useReturnedCount(author: string): number {
  const { value } = useQueryCall('library:query', author ? returnedToAuthor(author) : null);
  return value?.items.length ?? 0;
}
