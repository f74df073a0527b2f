-- The site a story publishes to when it is not the newsroom's default target.
CREATE TABLE story_targets (
  story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE
) STRICT;
