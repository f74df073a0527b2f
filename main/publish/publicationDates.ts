import type { PublicationRecord, PublishedSnapshot } from '../db/queries/publicationQueries';

/**
 * When a story being sent was first published and last updated: a republish keeps the first date, and
 * moves "updated" only when what a reader sees changed (a republish of the same text is not an update).
 */
export function publicationDates(
  previous: PublicationRecord | null | undefined,
  snapshot: PublishedSnapshot,
  now: number,
): { publishedAt: number; updatedAt: number | null } {
  if (previous?.state !== 'published') return { publishedAt: now, updatedAt: null };
  const changed = JSON.stringify(previous.snapshot) !== JSON.stringify(snapshot);
  return { publishedAt: previous.publishedAt, updatedAt: changed ? now : previous.updatedAt };
}
