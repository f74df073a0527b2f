import type Database from 'better-sqlite3';
import { AppError } from '../../shared/ipc/errors';

export interface Migration {
  name: string;
  sql: string;
}

export interface MigrateResult {
  from: number;
  to: number;
  backupFile: string | null;
}

/**
 * Brings the database to the newest schema in one transaction. An existing database is backed up
 * first (`backup` returns the copy's path); a database written by a newer Copydesk is refused untouched.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { backup: (version: number) => string },
): MigrateResult {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = migrations.length;
  if (from > to) {
    throw new AppError(
      'unavailable',
      `This database has schema version ${from}, newer than this Copydesk understands (${to}). ` +
        'Update Copydesk to open it; the file was not changed.',
    );
  }
  if (from === to) return { from, to, backupFile: null };

  const backupFile = from > 0 ? options.backup(from) : null;

  db.transaction(() => {
    for (const migration of migrations.slice(from)) db.exec(migration.sql);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to, backupFile };
}
