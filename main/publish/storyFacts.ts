import type Database from 'better-sqlite3';
import { MEDIA_SRC } from '../../shared/domain/media';
import type { StoryBody, StoryStatus } from '../../shared/domain/story';
import { readStoryDoc, withAlsoReadHeadlines as alsoReadHeadlines } from '../../shared/editor';

const tableColumns = (db: Database.Database, table: string): Set<string> =>
  new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((row) => row.name));

/**
 * What publishing reads from other domains' tables (tags, comments) when they exist, and the one place it
 * changes a story's status; the workflow service can take that over later.
 */
export function storyFacts(db: Database.Database) {
  const tagColumns = tableColumns(db, 'story_tags');
  const tags =
    tagColumns.has('tag_id') && tableColumns(db, 'tags').has('name')
      ? db.prepare<[string], { name: string }>(
          `SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE st.story_id = ?
           ORDER BY ${tagColumns.has('position') ? 'st.position, ' : ''}t.name`,
        )
      : null;
  const commentColumns = tableColumns(db, 'comments');
  const openComment = commentColumns.has('resolved_at')
    ? 'resolved_at IS NULL'
    : commentColumns.has('resolved')
      ? 'resolved = 0'
      : null;
  const threadsOnly = commentColumns.has('parent_id') ? ' AND parent_id IS NULL' : '';
  const comments =
    openComment && commentColumns.has('story_id')
      ? db.prepare<[string], { n: number }>(
          `SELECT count(*) AS n FROM comments WHERE story_id = ? AND ${openComment}${threadsOnly}`,
        )
      : null;
  const setStatus = db.prepare<[StoryStatus, string]>('UPDATE stories SET status = ? WHERE id = ?');

  return {
    tagsOf: (storyId: string): string[] => tags?.all(storyId).map((row) => row.name) ?? [],
    unresolvedComments: (storyId: string): number => comments?.get(storyId)?.n ?? 0,
    /** Marks a story published (or back to approved after an unpublish) without touching its version, so an open editor keeps saving. */
    setPublished(storyId: string, published: boolean): void {
      setStatus.run(published ? 'published' : 'approved', storyId);
    },
  };
}

export type StoryFacts = ReturnType<typeof storyFacts>;

/** Ids of the stories a body links to: story link marks and also-read blocks. */
export function linkedStoryIds(body: StoryBody): { storyId: string; headline: string }[] {
  const found = new Map<string, string>();
  for (const { storyId, headline } of readStoryDoc(body).links)
    if (!found.get(storyId)) found.set(storyId, headline);
  return [...found].map(([storyId, headline]) => ({ storyId, headline }));
}

/** A copy of a body whose also-read blocks show `headlineOf(storyId)` where known, not the headline they were inserted with. */
export function withAlsoReadHeadlines(
  body: StoryBody,
  headlineOf: (storyId: string) => string | null,
): StoryBody {
  return alsoReadHeadlines(body, headlineOf).toJSON() as StoryBody;
}

/** The `media/…` images of a body (figures) and the featured image, each once. */
export function mediaSources(body: StoryBody, featuredImage: string | null): string[] {
  const found = new Set(readStoryDoc(body).media.filter((src) => MEDIA_SRC.test(src)));
  if (featuredImage !== null && MEDIA_SRC.test(featuredImage)) found.add(featuredImage);
  return [...found];
}
