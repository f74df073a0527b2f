import type Database from 'better-sqlite3';
import { tagKey, type Tag, type TagWithCount } from '../../../shared/domain/tag';

const likePattern = (prefix: string) => `${prefix.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;

/** A tag merge as recorded for undoing it. */
export interface TagMergeRecord {
  id: number;
  sourceName: string;
  targetId: number;
  mergedAt: number;
  undoneAt: number | null;
}

/** A story a merge changed: where the source tag stood among its tags, and whether the merge gave it the target. */
export interface TagMergeStory {
  storyId: string;
  position: number;
  targetAdded: number;
  /** Its tags were changed (by hand, or from the desk) after the merge. */
  retagged: number;
}

/** Prepared statements over `tags` and `story_tags`; the search index follows them by trigger. */
export function tagQueries(db: Database.Database) {
  const countColumn = `(SELECT count(*) FROM story_tags st JOIN stories s ON s.id = st.story_id
      WHERE st.tag_id = t.id AND s.trashed_at IS NULL) AS count`;
  const list = db.prepare<{ pattern: string; limit: number }, TagWithCount>(
    `SELECT t.id, t.name, ${countColumn} FROM tags t
     WHERE t.name_key LIKE @pattern ESCAPE '\\' ORDER BY t.name_key, t.id LIMIT @limit`,
  );
  const withCount = db.prepare<[number], TagWithCount>(
    `SELECT t.id, t.name, ${countColumn} FROM tags t WHERE t.id = ?`,
  );
  const byKey = db.prepare<[string], Tag>('SELECT id, name FROM tags WHERE name_key = ?');
  const insert = db.prepare<[string, string, number]>(
    'INSERT INTO tags (name, name_key, created_at) VALUES (?, ?, ?)',
  );
  const rename = db.prepare<[string, string, number]>('UPDATE tags SET name = ?, name_key = ? WHERE id = ?');
  const remove = db.prepare<[number]>('DELETE FROM tags WHERE id = ?');
  // The one query for "the tags of a story", in the story's order; every reader goes through `tagsOf`.
  const ofStories = db.prepare<[string], Tag & { story_id: string }>(
    `SELECT st.story_id, t.id, t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id
     WHERE st.story_id IN (SELECT value FROM json_each(?)) ORDER BY st.story_id, st.position, t.name`,
  );
  /** The tags of each given story (with their ids), in each story's order; a story without tags is absent. */
  const tagsOf = (storyIds: readonly string[]): Map<string, Tag[]> => {
    const byStory = new Map<string, Tag[]>();
    for (const { story_id, id, name } of ofStories.all(JSON.stringify(storyIds))) {
      const list = byStory.get(story_id) ?? [];
      list.push({ id, name });
      byStory.set(story_id, list);
    }
    return byStory;
  };
  const tagsOfStory = (storyId: string): Tag[] => tagsOf([storyId]).get(storyId) ?? [];
  const clearStory = db.prepare<[string]>('DELETE FROM story_tags WHERE story_id = ?');
  const assign = db.prepare<[string, number, number]>(
    'INSERT INTO story_tags (story_id, tag_id, position) VALUES (?, ?, ?)',
  );
  const append = db.prepare<{ story: string; tag: number }>(
    `INSERT OR IGNORE INTO story_tags (story_id, tag_id, position)
     SELECT @story, @tag, coalesce(max(position) + 1, 0) FROM story_tags WHERE story_id = @story`,
  );
  const unassign = db.prepare<[string, number]>('DELETE FROM story_tags WHERE story_id = ? AND tag_id = ?');
  const moveAll = db.prepare<{ source: number; target: number }>(
    `INSERT OR IGNORE INTO story_tags (story_id, tag_id, position)
     SELECT story_id, @target, position FROM story_tags WHERE tag_id = @source`,
  );
  const usage = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM story_tags WHERE tag_id = ?');
  const insertMerge = db.prepare<[string, number, number]>(
    'INSERT INTO tag_merges (source_name, target_id, merged_at) VALUES (?, ?, ?)',
  );
  // Taken before the assignments move: a story that already had the target keeps it when the merge is undone.
  const recordMergeStories = db.prepare<{ merge: number; source: number; target: number }>(
    `INSERT INTO tag_merge_stories (merge_id, story_id, position, target_added)
     SELECT @merge, st.story_id, st.position,
       NOT EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = st.story_id AND t.tag_id = @target)
     FROM story_tags st WHERE st.tag_id = @source`,
  );
  const mergeById = db.prepare<[number], TagMergeRecord>(
    `SELECT id, source_name AS sourceName, target_id AS targetId, merged_at AS mergedAt, undone_at AS undoneAt
     FROM tag_merges WHERE id = ?`,
  );
  const TAG_SET = `(SELECT json_group_array(tag_id) FROM
     (SELECT tag_id FROM story_tags WHERE story_id = m.story_id ORDER BY tag_id))`;
  const recordTagsAfter = db.prepare<[number]>(
    `UPDATE tag_merge_stories AS m SET tags_after = ${TAG_SET} WHERE m.merge_id = ?`,
  );
  const mergeStories = db.prepare<[number], TagMergeStory>(
    `SELECT m.story_id AS storyId, m.position, m.target_added AS targetAdded,
       m.tags_after IS NOT NULL AND m.tags_after IS NOT ${TAG_SET} AS retagged
     FROM tag_merge_stories m JOIN stories s ON s.id = m.story_id WHERE m.merge_id = ?`,
  );
  const markUndone = db.prepare<[number, number]>('UPDATE tag_merges SET undone_at = ? WHERE id = ?');
  const pruneMerges = db.prepare<[number]>('DELETE FROM tag_merges WHERE merged_at < ?');
  const place = db.prepare<[string, number, number]>(
    'INSERT OR IGNORE INTO story_tags (story_id, tag_id, position) VALUES (?, ?, ?)',
  );

  return {
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    /** Tags by name with live-story counts; `prefix` matches the start of the name, ignoring case. */
    list: (prefix: string, limit: number): TagWithCount[] =>
      list.all({ pattern: likePattern(tagKey(prefix)), limit }),
    get: (id: number): TagWithCount | null => withCount.get(id) ?? null,
    /** The tag with this name, ignoring case (see `tagKey`). */
    byName: (name: string): Tag | null => byKey.get(tagKey(name)) ?? null,
    insert: (name: string, createdAt: number): number =>
      Number(insert.run(name, tagKey(name), createdAt).lastInsertRowid),
    rename: (id: number, name: string): void => void rename.run(name, tagKey(name), id),
    /** Deletes a tag; its assignments go with it. Returns how many stories carried it. */
    remove(id: number): number {
      const { n } = usage.get(id)!;
      remove.run(id);
      return n;
    },
    tagsOf,
    /** The story's tag names, in the story's order. */
    ofStory: (storyId: string): string[] => tagsOfStory(storyId).map((tag) => tag.name),
    /** The story's tags with their ids, in the story's order. */
    tagsOfStory,
    setStoryTags(storyId: string, tagIds: number[]): void {
      clearStory.run(storyId);
      tagIds.forEach((tagId, position) => assign.run(storyId, tagId, position));
    },
    /** Puts the tag last among the story's tags; false if the story already had it. */
    addToStory: (storyId: string, tagId: number): boolean =>
      append.run({ story: storyId, tag: tagId }).changes > 0,
    /** Takes the tag off the story; false if the story did not have it. */
    removeFromStory: (storyId: string, tagId: number): boolean => unassign.run(storyId, tagId).changes > 0,
    /** Gives every story of `source` the tag `target` (keeping its place among the story's tags). */
    moveAssignments: (source: number, target: number): void => void moveAll.run({ source, target }),
    /** Keeps what merging `source` into `target` is about to change, for `undoMerge`; returns the record's id. */
    recordMerge(source: Tag, target: number, at: number): number {
      const merge = Number(insertMerge.run(source.name, target, at).lastInsertRowid);
      recordMergeStories.run({ merge, source: source.id, target });
      return merge;
    },
    /** Notes each merged story's tags as the merge left them, once the source tag is gone. */
    recordTagsAfterMerge: (id: number): void => void recordTagsAfter.run(id),
    merge: (id: number): TagMergeRecord | null => mergeById.get(id) ?? null,
    /** The stories a merge changed that still exist, each saying whether its tags changed since the merge. */
    mergeStories: (id: number): TagMergeStory[] => mergeStories.all(id),
    markMergeUndone: (id: number, at: number): void => void markUndone.run(at, id),
    /** Forgets merges made before `before`: they can no longer be undone. */
    pruneMerges: (before: number): void => void pruneMerges.run(before),
    /** Puts the tag on the story at the given place among its tags; false if the story already had it. */
    placeOnStory: (storyId: string, tagId: number, position: number): boolean =>
      place.run(storyId, tagId, position).changes > 0,
  };
}

export type TagQueries = ReturnType<typeof tagQueries>;
