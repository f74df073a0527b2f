-- A save answers once its story row is durable; the search index and the autosave revision follow
-- right after (main/services/stories/saveFollowUp.ts), and any search or revision read brings them
-- current first. These two queues are what is still to follow: written in the save's own transaction,
-- so a crash between the answer and the follow-up only delays it to the next start.
CREATE TABLE search_stale (
  search_id INTEGER PRIMARY KEY REFERENCES story_search_ids (search_id) ON DELETE CASCADE
) STRICT;

-- The reindex of 0009, now a note that the story's searchable text changed.
DROP TRIGGER stories_search_update;
CREATE TRIGGER stories_search_update AFTER UPDATE OF headline, standfirst, body_text ON stories
WHEN old.headline IS NOT new.headline OR old.standfirst IS NOT new.standfirst OR old.body_text IS NOT new.body_text
BEGIN
  INSERT OR IGNORE INTO search_stale (search_id) SELECT search_id FROM story_search_ids WHERE story_id = new.id;
END;

-- The autosave not yet folded into the story's revisions: who saved, when, the story version and its tags
-- then. `lands_at` is the creation time of the revision it will fold into (its own saved_at if a new one).
CREATE TABLE revision_pending (
  story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  saved_at INTEGER NOT NULL,
  lands_at INTEGER NOT NULL,
  story_version INTEGER NOT NULL,
  tags TEXT NOT NULL
) STRICT, WITHOUT ROWID;
