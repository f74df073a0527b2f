-- A tag merge keeps what it changed, so it can be undone: the source tag's name and, per story that had
-- it, its place among the story's tags and whether the merge gave the story the target tag.
CREATE TABLE tag_merges (
  id INTEGER PRIMARY KEY,
  source_name TEXT NOT NULL,
  target_id INTEGER NOT NULL,
  merged_at INTEGER NOT NULL,
  undone_at INTEGER
) STRICT;

CREATE TABLE tag_merge_stories (
  merge_id INTEGER NOT NULL REFERENCES tag_merges (id) ON DELETE CASCADE,
  story_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  target_added INTEGER NOT NULL CHECK (target_added IN (0, 1)),
  PRIMARY KEY (merge_id, story_id)
) STRICT;

-- When a published story was last republished with changes a reader can see (the "Updated" line).
ALTER TABLE publications ADD COLUMN updated_at INTEGER;
