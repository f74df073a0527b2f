import type Database from 'better-sqlite3';

/** The search index's catch-up: stories whose searchable text changed since it was last indexed (0018). */
export function searchIndexQueries(db: Database.Database) {
  const anyStale = db.prepare('SELECT 1 FROM search_stale LIMIT 1').pluck();
  const reindex = db.prepare(
    `UPDATE stories_fts SET (headline, standfirst, body_text) = (
       SELECT s.headline, s.standfirst, s.body_text FROM story_search_ids ss JOIN stories s ON s.id = ss.story_id
       WHERE ss.search_id = stories_fts.rowid)
     WHERE rowid IN (SELECT search_id FROM search_stale)`,
  );
  const clear = db.prepare('DELETE FROM search_stale');
  const catchUp = db.transaction(() => {
    reindex.run();
    clear.run();
  });

  return {
    /** Reindexes every story whose text changed since; a no-op (one lookup) when the index is current. */
    bringCurrent(): void {
      if (anyStale.get() !== undefined) catchUp();
    },
  };
}

export type SearchIndexQueries = ReturnType<typeof searchIndexQueries>;
