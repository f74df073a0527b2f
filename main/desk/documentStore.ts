import type Database from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * Where the desk keeps each document's Yjs updates. `append` resolves only once the update is
 * durable: the desk acknowledges an update to its sender after that.
 */
export interface DocumentStore {
  /** Every stored update of `doc`, merged into one (null when none). */
  load(doc: string): Promise<Uint8Array | null>;
  append(doc: string, update: Uint8Array): Promise<void>;
  /** Folds the stored updates of `doc` into one row; never depends on what a process holds in memory. */
  compact(doc: string): Promise<void>;
  close(): Promise<void>;
}

export function sqliteDocumentStore(db: Database.Database): DocumentStore {
  const rows = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq',
  );
  const insert = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)');
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?');
  const merged = (found: { data: Buffer }[]) => Y.mergeUpdates(found.map((row) => row.data));
  // IMMEDIATE: two desk processes sharing the file must not both fold the same rows.
  const compact = db.transaction((doc: string) => {
    const found = rows.all(doc);
    if (found.length < 2) return;
    deleteUpTo.run(doc, found.at(-1)!.seq);
    insert.run(doc, Buffer.from(merged(found)));
  });
  // Group commit: updates that arrive together share one transaction, so one fsync, before any is acknowledged.
  let pending: { doc: string; update: Uint8Array; done: () => void; failed: (error: unknown) => void }[] = [];
  const insertAll = db.transaction((batch: typeof pending) => {
    for (const entry of batch) insert.run(entry.doc, Buffer.from(entry.update));
  });
  const flush = () => {
    const batch = pending;
    pending = [];
    try {
      insertAll(batch);
      batch.forEach((entry) => entry.done());
    } catch (error) {
      batch.forEach((entry) => entry.failed(error));
    }
  };
  return {
    load: async (doc) => {
      const found = rows.all(doc);
      return found.length === 0 ? null : merged(found);
    },
    append: (doc, update) =>
      new Promise<void>((done, failed) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ doc, update, done, failed });
      }),
    compact: async (doc) => compact.immediate(doc),
    close: async () => {},
  };
}
