import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
 * Brings the database to the newest schema in one transaction. An existing database is copied to
 * `backupDir` first; a database written by a newer Copydesk is refused untouched.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  options: { backupDir: string; now: () => Date },
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

  let backupFile: string | null = null;
  if (from > 0) {
    mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    backupFile = join(options.backupDir, `copydesk-v${from}-${stamp}.db`);
    db.prepare('VACUUM INTO ?').run(backupFile);
  }

  db.transaction(() => {
    for (const migration of migrations.slice(from)) db.exec(migration.sql);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to, backupFile };
}
