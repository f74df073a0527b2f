import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DATABASE_FILE } from '../core/createCore';
import { migrations } from '../db/migrations';
import { CliError } from './cliError';
import { cliDataDir, openCliCore } from './openCliCore';
import { printData } from './output';
import { acquireDataLock, DataFolderLockedError } from '../hosts/dataLock';

const stamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** `copydesk backup [FILE]`: an online copy of the store (SQLite's backup API; safe while the app runs). */
export async function backupCommand(file: string | undefined, options: { data?: string; json?: boolean }) {
  const cli = openCliCore(options.data, { writes: false, command: 'backup' });
  try {
    const target = resolve(file ?? join(cli.dataDir, 'backups', `copydesk-${stamp(new Date())}.db`));
    if (existsSync(target)) throw new CliError(`${target} already exists; choose another file.`);
    mkdirSync(dirname(target), { recursive: true });
    await cli.core.database.backup(target);
    const result = { file: target, bytes: statSync(target).size, schemaVersion: cli.core.info.schemaVersion };
    printData(Boolean(options.json), result, () => `Backed up to ${target} (${result.bytes} bytes).`);
  } finally {
    cli.close();
  }
}

/** What `restore` checks before it replaces anything: a healthy Copydesk store this version can open. */
function checkBackup(file: string): number {
  if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CliError(`${file} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new CliError(`${file} is damaged (${String(integrity)}); nothing was restored.`);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'stories'").get())
      throw new CliError(`${file} is not a Copydesk store (no stories table).`);
    if (version > migrations.length)
      throw new CliError(
        `${file} was made by a newer Copydesk (schema ${version}, this one knows ${migrations.length}).`,
      );
    return version;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} cannot be read: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/**
 * `copydesk restore FILE`: replaces the store with a backup, after checking it and keeping the
 * current store as `backups/before-restore-<time>.db`. Refused while an app holds the folder.
 */
export async function restoreCommand(file: string, options: { data?: string; json?: boolean }) {
  const source = resolve(file);
  const version = checkBackup(source);
  const dataDir = cliDataDir(options.data);
  let release: () => void;
  try {
    release = acquireDataLock(dataDir, 'copydesk restore');
  } catch (error) {
    if (error instanceof DataFolderLockedError) throw new CliError(error.message);
    throw error;
  }
  try {
    const current = join(dataDir, DATABASE_FILE);
    let kept: string | null = null;
    if (existsSync(current)) {
      kept = join(dataDir, 'backups', `before-restore-${stamp(new Date())}.db`);
      mkdirSync(dirname(kept), { recursive: true });
      const db = new Database(current);
      try {
        await db.backup(kept);
      } finally {
        db.close();
      }
    }
    const backup = new Database(source, { readonly: true });
    try {
      if (!existsSync(current)) {
        mkdirSync(dataDir, { recursive: true });
        copyFileSync(source, current);
      } else await backup.backup(current);
    } finally {
      backup.close();
    }
    release();
    // Opening it migrates an older backup to this version's schema (backing it up first).
    const cli = openCliCore(options.data, { writes: true, command: 'restore' });
    const schemaVersion = cli.core.info.schemaVersion;
    cli.close();
    const result = { restored: source, previous: kept, schemaVersion, backupSchemaVersion: version };
    printData(
      Boolean(options.json),
      result,
      () => `Restored ${source}${kept ? `; the previous store is kept as ${kept}` : ''}.`,
    );
  } finally {
    release();
  }
}
