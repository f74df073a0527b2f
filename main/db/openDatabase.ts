import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { tagKey } from '../../shared/domain/tag';
import { migrate, type MigrateResult, type Migration } from './migrate';
import { migrations as allMigrations } from './migrations';
import { applyPendingRestore, backupBeforeMigration, checkFile, latestGoodBackup } from './backups';
import { AppError } from '../../shared/ipc/errors';

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
  const dataDir = dirname(file);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  applyPendingRestore(dataDir);
  if (existsSync(file)) refuseDamaged(file);
  else refuseMissing(file);
  const db = new Database(file);
  try {
    chmodSync(file, 0o600);
    // A save the user was told succeeded must survive a power cut, so every commit is fsynced.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Migrations that fold tag names call the same function as the tag service.
    db.function('tag_key', { deterministic: true }, (name) => tagKey(String(name)));
    const now = options.now ?? (() => new Date());
    const migration = migrate(db, options.migrations ?? allMigrations, {
      backup: (version) => backupBeforeMigration(db, dataDir, version, now()),
    });
    // After migrate, which refuses a database from the future before anything writes to the file.
    db.pragma('journal_mode = WAL');
    return { db, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The backup a "damaged database" error offers, or null for any other error. */
export function damagedDatabaseBackup(error: unknown): string | null {
  if (!(error instanceof AppError) || typeof error.details?.damaged !== 'string') return null;
  return typeof error.details.backup === 'string' ? error.details.backup : null;
}

/**
 * A store that is gone while its backups are still there was lost (deleted, or a folder only partly
 * restored): starting an empty one in its place would look like every story vanished. The error offers
 * the newest sound backup, as for a damaged file; a folder with no backups is simply new.
 */
function refuseMissing(file: string): void {
  const backup = latestGoodBackup(dirname(file));
  if (!backup) return;
  throw new AppError(
    'unavailable',
    `${file} is missing, but this folder has backups. The latest good backup is ${backup.name} from ` +
      `${backup.createdAt}; restore it to continue (or move the backups folder away to start an empty store).`,
    { damaged: file, backup: basename(backup.file) },
  );
}

/**
 * A damaged file is never opened over (and never silently replaced by a new one): the error names
 * the newest sound backup so the host can offer it.
 */
function refuseDamaged(file: string): void {
  const verdict = checkFile(file);
  if (verdict === 'ok') return;
  const backup = latestGoodBackup(dirname(file));
  throw new AppError(
    'unavailable',
    `${file} is damaged (${verdict}). ` +
      (backup
        ? `The latest good backup is ${backup.name} from ${backup.createdAt}; restore it to continue.`
        : 'No good backup was found; keep the file for recovery.'),
    { damaged: file, backup: backup ? basename(backup.file) : null },
  );
}
