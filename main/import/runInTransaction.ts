import type Database from 'better-sqlite3';

/**
 * Runs an async import in one SQLite transaction: all of it is stored, or (on any error) none of it.
 * The services' own transactions nest inside as savepoints. Only safe while nothing else uses the
 * connection, which the data-folder lock guarantees for the command line.
 */
export async function runInTransaction<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
