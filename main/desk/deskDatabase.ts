import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const DESK_DATABASE_FILE = 'desk.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reporter', 'editor')),
  created_at TEXT NOT NULL,
  removed_at TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS invitations (
  code_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('reporter', 'editor')),
  created_by TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) STRICT;
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  previous_status TEXT,
  version INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  note TEXT,
  approved_by TEXT,
  approved_state BLOB,
  changed_after_approval INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc, seq);
-- One correction draft per published or spiked story: edits arriving for it go there, whichever machine sends them.
CREATE TABLE IF NOT EXISTS corrections (
  story_id TEXT PRIMARY KEY REFERENCES stories (id),
  correction_id TEXT NOT NULL UNIQUE REFERENCES stories (id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
-- Who made each status change (the story's version after it), so every machine can name them.
CREATE TABLE IF NOT EXISTS transitions (
  story_id TEXT NOT NULL REFERENCES stories (id),
  version INTEGER NOT NULL,
  action TEXT NOT NULL,
  person_id TEXT NOT NULL,
  person_name TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (story_id, version)
) STRICT;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;

/** Opens the desk's one SQLite file in `dataDir`: WAL so several desk processes can share it, every commit fsynced. */
export function openDeskDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DESK_DATABASE_FILE));
  try {
    db.pragma('journal_mode = WAL');
    // An update the desk acknowledged must survive a SIGKILL or a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
