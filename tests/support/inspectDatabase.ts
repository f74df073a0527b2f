import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../main/core/createCore';

/** Runs `work` on a second connection to the database in `dataDir`, for what the contract does not expose. */
export function inspectDatabase<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}
