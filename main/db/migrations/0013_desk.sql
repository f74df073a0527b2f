-- The newsroom desk: this install's membership, every Yjs update of each desk story (written before it is
-- sent), the desk's word on each story's status, and transitions waiting to reach the desk.
CREATE TABLE desk_membership (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  address TEXT NOT NULL,
  person_id TEXT NOT NULL,
  person_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reporter', 'editor')),
  token_sealed TEXT NOT NULL,
  joined_at INTEGER NOT NULL
) STRICT;

CREATE TABLE desk_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  story_id TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX desk_updates_by_story ON desk_updates (story_id, seq);

CREATE TABLE desk_stories (
  story_id TEXT PRIMARY KEY,
  desk_version INTEGER NOT NULL DEFAULT 0,
  desk_status TEXT,
  changed_after_approval INTEGER NOT NULL DEFAULT 0,
  -- Edits made here while the desk was out of reach, not yet merged into the desk's copy.
  offline_edits INTEGER NOT NULL DEFAULT 0,
  merged_offline_at INTEGER
) STRICT;

CREATE TABLE desk_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  story_id TEXT NOT NULL,
  action TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  note TEXT,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'refused')),
  message TEXT,
  created_at INTEGER NOT NULL
) STRICT;
