CREATE TABLE sections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL DEFAULT '',
  slug_edited INTEGER NOT NULL DEFAULT 0 CHECK (slug_edited IN (0, 1)),
  headline TEXT NOT NULL DEFAULT '',
  standfirst TEXT NOT NULL DEFAULT '',
  byline TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  credit TEXT NOT NULL DEFAULT '',
  section_id TEXT REFERENCES sections (id) ON DELETE SET NULL,
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'published', 'spiked')),
  body_json TEXT NOT NULL,
  body_text TEXT NOT NULL DEFAULT '',
  word_count INTEGER NOT NULL DEFAULT 0,
  featured_image TEXT,
  author TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  trashed_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE INDEX stories_recent ON stories (trashed_at IS NOT NULL, updated_at DESC, id DESC);
CREATE INDEX stories_section ON stories (section_id);
