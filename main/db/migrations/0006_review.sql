CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role TEXT NOT NULL CHECK (role IN ('reporter', 'editor')),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE status_changes (
  id INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  action TEXT NOT NULL,
  person TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  revision_n INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX status_changes_story ON status_changes (story_id, id);

CREATE TABLE comments (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  parent_id TEXT REFERENCES comments (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  quote TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
  position INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

CREATE INDEX comments_story ON comments (story_id, parent_id);

CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'saved', 'status', 'comment', 'publish')),
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX activity_story ON activity (story_id, id);
