import type Database from 'better-sqlite3';
import type { TargetKind } from '../../../shared/domain/target';

/** A target as stored, its secret still sealed. */
export interface TargetRecord {
  id: string;
  kind: TargetKind;
  name: string;
  url: string;
  options: Record<string, unknown>;
  secret: string | null;
  createdAt: number;
  updatedAt: number;
}

interface TargetRow {
  id: string;
  kind: TargetKind;
  name: string;
  url: string;
  options: string;
  secret: string | null;
  created_at: number;
  updated_at: number;
}

const toRecord = (row: TargetRow): TargetRecord => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  url: row.url,
  options: JSON.parse(row.options) as Record<string, unknown>,
  secret: row.secret,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Prepared statements over `targets` and the per-target caches of remote term and media ids. */
export function targetQueries(db: Database.Database) {
  const all = db.prepare<[], TargetRow>(
    "SELECT * FROM targets ORDER BY kind = 'static' DESC, created_at, name",
  );
  const byId = db.prepare<[string], TargetRow>('SELECT * FROM targets WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO targets (id, kind, name, url, options, secret, created_at, updated_at)
     VALUES (@id, @kind, @name, @url, @options, @secret, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url, options = excluded.options,
       secret = excluded.secret, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM targets WHERE id = ?');
  const termGet = db.prepare<[string, string, string], { remote_id: string }>(
    'SELECT remote_id FROM target_terms WHERE target_id = ? AND taxonomy = ? AND name_key = ?',
  );
  const termSet = db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO target_terms (target_id, taxonomy, name_key, remote_id) VALUES (?, ?, ?, ?)',
  );
  const mediaGet = db.prepare<[string, string], { remote_id: string; remote_url: string }>(
    'SELECT remote_id, remote_url FROM target_media WHERE target_id = ? AND hash = ?',
  );
  const mediaSet = db.prepare<[string, string, string, string]>(
    'INSERT OR REPLACE INTO target_media (target_id, hash, remote_id, remote_url) VALUES (?, ?, ?, ?)',
  );
  const storyTargetGet = db.prepare<[string], { target_id: string }>(
    'SELECT target_id FROM story_targets WHERE story_id = ?',
  );
  const storyTargetSet = db.prepare<[string, string]>(
    'INSERT OR REPLACE INTO story_targets (story_id, target_id) VALUES (?, ?)',
  );
  const storyTargetClear = db.prepare<[string]>('DELETE FROM story_targets WHERE story_id = ?');

  return {
    list: (): TargetRecord[] => all.all().map(toRecord),
    get(id: string): TargetRecord | null {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    save(record: TargetRecord): void {
      upsert.run({
        id: record.id,
        kind: record.kind,
        name: record.name,
        url: record.url,
        options: JSON.stringify(record.options),
        secret: record.secret,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      });
    },
    remove: (id: string): boolean => remove.run(id).changes === 1,
    /** The site's id of a term (category or tag), by lowercase name. */
    term: (targetId: string, taxonomy: string, name: string): string | null =>
      termGet.get(targetId, taxonomy, name.toLowerCase())?.remote_id ?? null,
    setTerm(targetId: string, taxonomy: string, name: string, remoteId: string): void {
      termSet.run(targetId, taxonomy, name.toLowerCase(), remoteId);
    },
    /** An image already uploaded to the target, by content hash. */
    media(targetId: string, hash: string): { remoteId: string; remoteUrl: string } | null {
      const row = mediaGet.get(targetId, hash);
      return row ? { remoteId: row.remote_id, remoteUrl: row.remote_url } : null;
    },
    setMedia(targetId: string, hash: string, remoteId: string, remoteUrl: string): void {
      mediaSet.run(targetId, hash, remoteId, remoteUrl);
    },
    /** The target chosen for one story instead of the default, if any. */
    storyTarget: (storyId: string): string | null => storyTargetGet.get(storyId)?.target_id ?? null,
    setStoryTarget(storyId: string, targetId: string | null): void {
      if (targetId === null) storyTargetClear.run(storyId);
      else storyTargetSet.run(storyId, targetId);
    },
  };
}

export type TargetQueries = ReturnType<typeof targetQueries>;
