import Database from 'better-sqlite3';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';

export const DATABASE_FILE = 'copydesk.db';
export const BACKUP_DIR = 'backups';
/** How many backups are kept; the oldest go first. */
export const BACKUPS_KEPT = 10;

export interface BackupInfo {
  name: string;
  file: string;
  createdAt: string;
  bytes: number;
}

const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
export const backupDirOf = (dataDir: string) => join(dataDir, BACKUP_DIR);

/**
 * Whether SQLite finds `file` sound; `full` runs integrity_check, else the faster quick_check.
 * Opened for writing, as the app opens it: a WAL left by a crash is recovered, not misread as damage.
 */
export function checkFile(file: string, full = false): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    const answer = db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true });
    return answer === 'ok' ? 'ok' : String(answer);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/** The backups in `dataDir`, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDirOf(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^copydesk-.+\.db$/.test(name))
    .map((name) => {
      const info = statSync(join(dir, name));
      return { name, file: join(dir, name), createdAt: info.mtime.toISOString(), bytes: info.size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The newest backup SQLite finds sound, or null. */
export const latestGoodBackup = (dataDir: string): BackupInfo | null =>
  listBackups(dataDir).find((backup) => checkFile(backup.file) === 'ok') ?? null;

function prune(dataDir: string, keep: number): void {
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.file, { force: true });
}

/** Places a finished copy under its final name only once SQLite has checked it in full. */
function settle(part: string, file: string): void {
  // A copy of a WAL database is in WAL mode too; a backup must be one self-contained file.
  const copy = new Database(part, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const verdict = checkFile(part, true);
  if (verdict !== 'ok') {
    rmSync(part, { force: true });
    throw new AppError('internal', `The backup did not verify (${verdict}); the previous backups were kept.`);
  }
  chmodSync(part, 0o600);
  renameSync(part, file);
}

/**
 * Copies the open database with SQLite's online backup API (writers carry on meanwhile), verifies the
 * copy and keeps the newest `keep` backups.
 */
export async function backupDatabase(
  db: Database.Database,
  dataDir: string,
  options: { now?: Date; keep?: number; label?: string } = {},
): Promise<BackupInfo> {
  const dir = backupDirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `copydesk-${stampOf(options.now ?? new Date())}${options.label ? `-${options.label}` : ''}.db`;
  const file = join(dir, name);
  const part = `${file}.part`;
  await db.backup(part);
  settle(part, file);
  prune(dataDir, options.keep ?? BACKUPS_KEPT);
  return listBackups(dataDir).find((backup) => backup.name === name)!;
}

/** Copies the database before a migration (synchronously: opening is); verified and counted like the others. */
export function backupBeforeMigration(
  db: Database.Database,
  dataDir: string,
  version: number,
  now: Date,
): string {
  const dir = backupDirOf(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `copydesk-v${version}-${stampOf(now)}.db`);
  const part = `${file}.part`;
  rmSync(part, { force: true });
  db.prepare('VACUUM INTO ?').run(part);
  settle(part, file);
  prune(dataDir, BACKUPS_KEPT);
  return file;
}

/** `copydesk backup`: a verified backup of the database in `dataDir`, even while the app runs. */
export async function createBackup(
  dataDir: string,
  options: { now?: Date; keep?: number } = {},
): Promise<BackupInfo> {
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) throw new AppError('not-found', `No database at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await backupDatabase(db, dataDir, { ...options, label: 'manual' });
  } finally {
    db.close();
  }
}

/** A backup named by its file name (in the backups folder) or by a path. */
function resolveBackup(dataDir: string, file: string): string {
  const path = isAbsolute(file) ? file : join(backupDirOf(dataDir), basename(file));
  if (!existsSync(path)) throw new AppError('not-found', `No backup at ${path}`);
  return path;
}

/**
 * `copydesk restore`: puts a backup in place of the database. The app must not have the database
 * open. The current file is kept beside it (`copydesk.db.before-restore-<time>`), never deleted.
 */
export function restoreBackup(
  dataDir: string,
  file: string,
  now = new Date(),
): { restored: string; previous: string | null } {
  const source = resolveBackup(dataDir, file);
  const verdict = checkFile(source, true);
  if (verdict !== 'ok')
    throw new AppError('invalid-input', `${basename(source)} is not a sound database (${verdict})`);
  const target = join(dataDir, DATABASE_FILE);
  const part = `${target}.restoring`;
  copyFileSync(source, part);
  chmodSync(part, 0o600);
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stampOf(now)}`;
    renameSync(target, previous);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(target + suffix)) renameSync(target + suffix, previous + suffix);
  }
  renameSync(part, target);
  return { restored: source, previous };
}

const PENDING_RESTORE = 'restore-pending';

/** Asks for a backup to be restored the next time the database is opened (it cannot be swapped while open). */
export function scheduleRestore(dataDir: string, name: string): BackupInfo {
  const backup = listBackups(dataDir).find((candidate) => candidate.name === name);
  if (!backup) throw new AppError('not-found', `${name} is not one of the backups`);
  const verdict = checkFile(backup.file, true);
  if (verdict !== 'ok') throw new AppError('invalid-input', `${name} is not a sound database (${verdict})`);
  writeFileSync(join(dataDir, PENDING_RESTORE), backup.name, { mode: 0o600 });
  return backup;
}

/** The restore asked for by `scheduleRestore`, done before the database opens; null when none was. */
export function applyPendingRestore(dataDir: string): ReturnType<typeof restoreBackup> | null {
  const marker = join(dataDir, PENDING_RESTORE);
  if (!existsSync(marker)) return null;
  const name = readFileSync(marker, 'utf8').trim();
  rmSync(marker, { force: true });
  return restoreBackup(dataDir, name);
}
