import type Database from 'better-sqlite3';

/**
 * Runs `work` in one transaction whose commit does not wait for the disk (`synchronous = NORMAL` for it
 * alone): a power cut may lose it whole, never half of it. Inside another transaction it is part of that one.
 */
export function withoutDiskWait<T>(db: Database.Database, work: () => T): T {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  if (db.inTransaction || synchronous < 2) return db.transaction(work)();
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}
