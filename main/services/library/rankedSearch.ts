import type { FoundStory, KeyValue, SearchFilters, SearchQueries } from '../../db/queries/searchQueries';
import { foreignCursor } from './libraryCursor';

/**
 * How many matches are ranked together: the newest this many first, then each older block as wide. A
 * block is scored from the index alone (which fields match), a few bounded doclist reads each.
 */
export const RANK_WINDOW = 500;

/**
 * The search index in blocks of search ids (the order stories were added), newest block first: the
 * first holds the newest RANK_WINDOW matches, each older one spans as many ids. Results come in rank
 * order within a block (the fields matched, weighted; newer first among equals), block after block, so a
 * word in most stories lists its best matches among the recent ones first; a search with fewer matches
 * than the window is one block, ranked as a whole.
 */
interface Blocks {
  /** The newest match's search id when the first page was asked for; later stories wait for a new search. */
  top: number;
  width: number;
}

const bounds = ({ top, width }: Blocks, block: number) => {
  const hi = top - block * width;
  return { lo: Math.max(1, hi - width + 1), hi };
};
const blockOf = ({ top, width }: Blocks, searchId: number) => Math.floor((top - searchId) / width);

/** Where a ranked page ended: [rank, search id, top, width] and the block. */
function fromCursor(keys: KeyValue[], block: number) {
  const [rank, searchId, top, width] = keys;
  const whole = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;
  // A width below the window (or the whole index) would be no cursor this service gave out, and
  // could turn one page into thousands of queries.
  if (
    typeof rank !== 'number' ||
    !whole(searchId) ||
    !whole(top) ||
    !whole(width) ||
    width < Math.min(top, RANK_WINDOW) ||
    block < 0 ||
    block * width >= top
  ) {
    throw foreignCursor();
  }
  return { blocks: { top, width }, block, after: { rank, searchId } };
}

/**
 * The next `want` matches of `match` that pass the filters, best first (`asc`) or worst first
 * (`desc`, the exact reverse), each with the keys and block its cursor needs.
 */
export function collectRanked(
  queries: Pick<SearchQueries, 'newestMatches' | 'rankedInRange' | 'nearestMatch' | 'filterIndexed'>,
  request: {
    /** What the stories must match. */
    match: string;
    /** What their fields are scored by: the words searched for, without the filters' words. */
    score: string;
    direction: 'asc' | 'desc';
    cursor: { keys: KeyValue[]; partition: number } | null;
    filters: SearchFilters;
    want: number;
  },
): { story: FoundStory; partition: number }[] {
  const { match, score, direction, filters, want } = request;
  let blocks: Blocks;
  let block: number | null;
  let after: { rank: number; searchId: number } | null = null;
  if (request.cursor) {
    ({ blocks, block, after } = fromCursor(request.cursor.keys, request.cursor.partition));
  } else {
    const newest = queries.newestMatches(match, RANK_WINDOW);
    if (newest.count === 0) return [];
    blocks = {
      top: newest.top,
      width: newest.count < RANK_WINDOW ? newest.top : newest.top - newest.floor + 1,
    };
    const first = direction === 'asc' ? newest.top : queries.nearestMatch(match, 'above', 0);
    block = first === null ? null : blockOf(blocks, first);
  }

  const found: { story: FoundStory; partition: number }[] = [];
  while (block !== null && found.length < want) {
    const range = bounds(blocks, block);
    const ranked = queries.rankedInRange({ match, score }, direction, range, after);
    // Filter in growing slices: a page usually fills from the first few best matches.
    for (let start = 0, size = want; start < ranked.length && found.length < want;) {
      const slice = ranked.slice(start, start + size);
      const passing = queries.filterIndexed(
        slice.map((hit) => hit.searchId),
        filters,
      );
      for (const hit of slice) {
        const story = passing.get(hit.searchId);
        if (!story) continue;
        found.push({
          story: { ...story, keys: [hit.rank, hit.searchId, blocks.top, blocks.width] },
          partition: block,
        });
        if (found.length === want) break;
      }
      start += size;
      size *= 4;
    }
    if (found.length === want) break;
    after = null;
    // The next block that holds a match: a rare word's old matches may sit many blocks apart.
    const next =
      direction === 'asc'
        ? queries.nearestMatch(match, 'below', range.lo)
        : range.hi < blocks.top
          ? queries.nearestMatch(match, 'above', range.hi)
          : null;
    block = next === null || next > blocks.top ? null : blockOf(blocks, next);
  }
  return found;
}
