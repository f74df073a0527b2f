import { useQueryCall } from '../../api/useQueryCall';

/** A count needs no more than this; a different limit from the library's pages keeps their cache entries apart. */
const COUNTED = 100;

/** How many of this author's stories an editor has returned (kept fresh by the library's invalidations). */
export function useReturnedCount(author: string): number {
  const { value } = useQueryCall(
    'library:query',
    author ? { filters: { status: ['returned'], author, trashed: false }, limit: COUNTED } : null,
  );
  return value?.items.length ?? 0;
}
