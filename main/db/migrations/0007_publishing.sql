CREATE TABLE targets (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('wordpress', 'static', 'ghost')),
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
  -- sealed by the host's SecretBox; never sent to a renderer
  secret TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE publications (
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('published', 'scheduled', 'unpublished')),
  remote_id TEXT,
  remote_url TEXT,
  remote_modified TEXT,
  published_version INTEGER NOT NULL,
  published_at INTEGER NOT NULL,
  scheduled_for INTEGER,
  -- the story's fields as published, JSON; the static site renders from it
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  PRIMARY KEY (story_id, target_id)
) STRICT;

CREATE TABLE publish_jobs (
  id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  action TEXT NOT NULL CHECK (action IN ('publish', 'update', 'unpublish', 'schedule')),
  state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'waiting', 'done', 'failed', 'paused')),
  scheduled_for INTEGER,
  overwrite INTEGER NOT NULL DEFAULT 0 CHECK (overwrite IN (0, 1)),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  error_kind TEXT,
  progress TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(progress)),
  result_url TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX publish_jobs_due ON publish_jobs (state, next_attempt_at);
CREATE INDEX publish_jobs_story ON publish_jobs (story_id, created_at DESC);

-- per-target cache of the site's ids for what we sent once: terms by name, media by content hash
CREATE TABLE target_terms (
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  taxonomy TEXT NOT NULL,
  name_key TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  PRIMARY KEY (target_id, taxonomy, name_key)
) STRICT;

CREATE TABLE target_media (
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  hash TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  remote_url TEXT NOT NULL,
  PRIMARY KEY (target_id, hash)
) STRICT;

INSERT INTO targets (id, kind, name, url, options, created_at, updated_at)
VALUES ('static', 'static', 'Built-in static site', '', '{}', 0, 0);
