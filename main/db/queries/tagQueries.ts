import type Database from 'better-sqlite3';
import type { Tag, TagWithCount } from '../../../shared/domain/tag';

const likePattern = (prefix: string) => `${prefix.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/** Prepared statements over `tags` and `story_tags`; the search index follows them by trigger. */
export function tagQueries(db: Database.Database) {
  const countColumn = `(SELECT count(*) FROM story_tags st JOIN stories s ON s.id = st.story_id
      WHERE st.tag_id = t.id AND s.trashed_at IS NULL) AS count`;
  const list = db.prepare<{ pattern: string; limit: number }, TagWithCount>(
    `SELECT t.id, t.name, ${countColumn} FROM tags t
     WHERE t.name LIKE @pattern ESCAPE '\\' ORDER BY t.name COLLATE NOCASE LIMIT @limit`,
  );
  const withCount = db.prepare<[number], TagWithCount>(
    `SELECT t.id, t.name, ${countColumn} FROM tags t WHERE t.id = ?`,
  );
  const byName = db.prepare<[string], Tag>('SELECT id, name FROM tags WHERE name = ?');
  const insert = db.prepare<[string, number]>('INSERT INTO tags (name, created_at) VALUES (?, ?)');
  const rename = db.prepare<[string, number]>('UPDATE tags SET name = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM tags WHERE id = ?');
  const ofStory = db.prepare<[string], { name: string }>(
    `SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id
     WHERE st.story_id = ? ORDER BY st.position, t.name`,
  );
  const clearStory = db.prepare<[string]>('DELETE FROM story_tags WHERE story_id = ?');
  const assign = db.prepare<[string, number, number]>(
    'INSERT INTO story_tags (story_id, tag_id, position) VALUES (?, ?, ?)',
  );
  const moveAll = db.prepare<{ source: number; target: number }>(
    `INSERT OR IGNORE INTO story_tags (story_id, tag_id, position)
     SELECT story_id, @target, position FROM story_tags WHERE tag_id = @source`,
  );
  const usage = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM story_tags WHERE tag_id = ?');

  return {
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    /** Tags by name with live-story counts; `prefix` matches the start of the name, ignoring case. */
    list: (prefix: string, limit: number): TagWithCount[] =>
      list.all({ pattern: likePattern(prefix), limit }),
    get: (id: number): TagWithCount | null => withCount.get(id) ?? null,
    /** The tag with this name, ignoring case. */
    byName: (name: string): Tag | null => byName.get(name) ?? null,
    insert: (name: string, createdAt: number): number => Number(insert.run(name, createdAt).lastInsertRowid),
    rename: (id: number, name: string): void => void rename.run(name, id),
    /** Deletes a tag; its assignments go with it. Returns how many stories carried it. */
    remove(id: number): number {
      const { n } = usage.get(id)!;
      remove.run(id);
      return n;
    },
    ofStory: (storyId: string): string[] => ofStory.all(storyId).map((row) => row.name),
    setStoryTags(storyId: string, tagIds: number[]): void {
      clearStory.run(storyId);
      tagIds.forEach((tagId, position) => assign.run(storyId, tagId, position));
    },
    /** Gives every story of `source` the tag `target` (keeping its place among the story's tags). */
    moveAssignments: (source: number, target: number): void => void moveAll.run({ source, target }),
  };
}

export type TagQueries = ReturnType<typeof tagQueries>;
