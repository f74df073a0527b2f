CREATE TABLE revisions (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('created', 'autosave', 'manual', 'restore', 'status')),
  label TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  story_version INTEGER NOT NULL,
  headline TEXT NOT NULL DEFAULT '',
  word_count INTEGER NOT NULL DEFAULT 0,
  -- deflate-compressed JSON of the story's fields and body at this revision
  snapshot BLOB NOT NULL,
  PRIMARY KEY (story_id, n)
) STRICT;

CREATE TABLE media (
  hash TEXT PRIMARY KEY,
  ext TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  width INTEGER,
  height INTEGER,
  original_name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) STRICT;

INSERT INTO sections (id, name, position, created_at) VALUES
  ('top-news', 'Top News', 0, 0),
  ('world', 'World', 1, 0),
  ('politics', 'Politics', 2, 0),
  ('business', 'Business', 3, 0),
  ('science', 'Science', 4, 0),
  ('sport', 'Sport', 5, 0),
  ('culture', 'Culture', 6, 0),
  ('opinion', 'Opinion', 7, 0);
