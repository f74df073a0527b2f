import type Database from 'better-sqlite3';
import type { ImageType } from '../../../shared/domain/media';

/** A stored image as recorded in `media`. */
export interface MediaRecord {
  hash: string;
  ext: string;
  mimeType: ImageType;
  bytes: number;
  width: number | null;
  height: number | null;
  originalName: string;
  createdAt: number;
}

interface MediaRow {
  hash: string;
  ext: string;
  mime_type: ImageType;
  bytes: number;
  width: number | null;
  height: number | null;
  original_name: string;
  created_at: number;
}

const toRecord = (row: MediaRow): MediaRecord => ({
  hash: row.hash,
  ext: row.ext,
  mimeType: row.mime_type,
  bytes: row.bytes,
  width: row.width,
  height: row.height,
  originalName: row.original_name,
  createdAt: row.created_at,
});

/** Prepared statements over `media`, one row per distinct image (keyed by its sha256). */
export function mediaQueries(db: Database.Database) {
  const insert = db.prepare<[MediaRow]>(
    `INSERT OR IGNORE INTO media (hash, ext, mime_type, bytes, width, height, original_name, created_at)
     VALUES (@hash, @ext, @mime_type, @bytes, @width, @height, @original_name, @created_at)`,
  );
  const byHash = db.prepare<[string], MediaRow>('SELECT * FROM media WHERE hash = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM media');

  return {
    /** Records an image unless one with the same hash is already there; returns whether it added a row. */
    insertIfAbsent(record: MediaRecord): boolean {
      return (
        insert.run({
          hash: record.hash,
          ext: record.ext,
          mime_type: record.mimeType,
          bytes: record.bytes,
          width: record.width,
          height: record.height,
          original_name: record.originalName,
          created_at: record.createdAt,
        }).changes === 1
      );
    },
    get(hash: string): MediaRecord | null {
      const row = byHash.get(hash);
      return row ? toRecord(row) : null;
    },
    count(): number {
      return count.get()!.n;
    },
  };
}

export type MediaQueries = ReturnType<typeof mediaQueries>;
