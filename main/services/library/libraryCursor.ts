import type { LibrarySort } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { KeyValue } from '../../db/queries/searchQueries';

/** Where a page ended: the sort it belongs to, the last row's sort keys and, for grouped sorts, its group. */
export interface LibraryCursor {
  sort: LibrarySort;
  direction: 'asc' | 'desc';
  keys: KeyValue[];
  partition: number;
}

export function encodeLibraryCursor(cursor: LibraryCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.direction, cursor.keys, cursor.partition])).toString(
    'base64url',
  );
}

const isKey = (value: unknown): value is KeyValue =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** Reads a cursor this service gave out for the same sort; anything else is `invalid-input`. */
export function decodeLibraryCursor(
  text: string,
  sort: LibrarySort,
  direction: 'asc' | 'desc',
): LibraryCursor {
  try {
    const [s, d, keys, partition] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (
      s === sort &&
      d === direction &&
      Array.isArray(keys) &&
      // Two sort keys; a ranked search adds the blocks it ranks in (rankedSearch.ts).
      keys.length === (sort === 'relevance' ? 4 : 2) &&
      keys.every(isKey) &&
      Number.isInteger(partition)
    ) {
      return { sort, direction, keys, partition: partition as number };
    }
  } catch {
    // falls through to the error below
  }
  throw foreignCursor();
}

/** The error for a cursor this service did not give out for the query at hand. */
export const foreignCursor = () =>
  new AppError('invalid-input', 'The list cursor does not belong to this query; start from the first page');
