import type Database from 'better-sqlite3';
import { STORY_CHILD_TABLES, STORY_COLUMN, STORY_ORDER, type StoryChildTable } from './archiveFormat';

type Row = Record<string, unknown>;

/** Read-only statements of the exports: stories in a stable order, and everything that hangs off one. */
export function exportQueries(db: Database.Database) {
  const children = Object.fromEntries(
    STORY_CHILD_TABLES.map((table) => [
      table,
      db.prepare<[string], Row>(
        `SELECT * FROM ${table} WHERE ${STORY_COLUMN[table]} = ? ORDER BY ${STORY_ORDER[table]}`,
      ),
    ]),
  ) as Record<StoryChildTable, Database.Statement<[string], Row>>;
  const ids = db.prepare<[number], { id: string }>(
    'SELECT id FROM stories WHERE updated_at >= ? ORDER BY created_at, id',
  );
  const one = db.prepare<[string], Row>('SELECT * FROM stories WHERE id = ?');
  const bySlug = db.prepare<[string], { id: string }>(
    'SELECT id FROM stories WHERE slug = ? ORDER BY trashed_at IS NOT NULL, updated_at DESC LIMIT 1',
  );
  const tags = db.prepare<[string], { name: string }>(
    'SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE st.story_id = ? ORDER BY st.position, t.name',
  );
  const sections = db.prepare<[], { id: string; name: string; position: number }>(
    'SELECT id, name, position FROM sections ORDER BY position, name',
  );
  const media = db.prepare<[string], { original_name: string }>(
    'SELECT original_name FROM media WHERE hash = ?',
  );
  return {
    /** Ids of the stories changed on or after `since` (epoch ms), oldest first (ids only: an archive's rows never all sit in memory). */
    storyIds: (since = 0): string[] => ids.all(since).map((row) => row.id),
    story: (id: string): Row | undefined => one.get(id),
    idOfSlug: (slug: string): string | null => bySlug.get(slug)?.id ?? null,
    tags: (id: string): string[] => tags.all(id).map((row) => row.name),
    children: (table: StoryChildTable, id: string): Row[] => children[table].all(id),
    sections: () => sections.all(),
    mediaName: (hash: string): string => media.get(hash)?.original_name ?? '',
  };
}

export type ExportQueries = ReturnType<typeof exportQueries>;
