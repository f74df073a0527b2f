import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tagKey } from '../../shared/domain/tag';
import { migrate, type MigrateResult, type Migration } from './migrate';
import { migrations as allMigrations } from './migrations';

export interface OpenedDatabase {
  db: Database.Database;
  migration: MigrateResult;
}

/** Opens (creating if needed) the store at `file`: WAL, foreign keys, durable commits, newest schema. */
export function openDatabase(
  file: string,
  options: { now?: () => Date; migrations?: readonly Migration[] } = {},
): OpenedDatabase {
  // Stories and the secret key are the user's alone: the folder 0700, the database 0600
  // (SQLite gives its -wal and -shm files the database's mode).
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  const db = new Database(file);
  try {
    chmodSync(file, 0o600);
    // A save the user was told succeeded must survive a power cut, so every commit is fsynced.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Migrations that fold tag names call the same function as the tag service.
    db.function('tag_key', { deterministic: true }, (name) => tagKey(String(name)));
    const migration = migrate(db, options.migrations ?? allMigrations, {
      backupDir: join(dirname(file), 'backups'),
      now: options.now ?? (() => new Date()),
    });
    // After migrate, which refuses a database from the future before anything writes to the file.
    db.pragma('journal_mode = WAL');
    return { db, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
