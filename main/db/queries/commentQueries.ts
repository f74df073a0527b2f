import type Database from 'better-sqlite3';
import type { Comment, CommentReply } from '../../../shared/domain/comment';

interface CommentRow {
  id: string;
  story_id: string;
  parent_id: string | null;
  text: string;
  quote: string;
  author: string;
  resolved: number;
  orphaned: number;
  position: number | null;
  created_at: number;
}

export interface NewComment {
  id: string;
  storyId: string;
  parentId: string | null;
  text: string;
  quote: string;
  author: string;
  createdAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Comments and their replies (rows with a parent), mapped to camelCase. */
export function commentQueries(db: Database.Database) {
  const forStory = db.prepare<[string], CommentRow>(
    'SELECT * FROM comments WHERE story_id = ? ORDER BY position IS NULL, position, created_at, id',
  );
  const byId = db.prepare<[string], CommentRow>('SELECT * FROM comments WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO comments (id, story_id, parent_id, text, quote, author, created_at)
     VALUES (@id, @storyId, @parentId, @text, @quote, @author, @createdAt)`,
  );
  const setResolved = db.prepare<[number, string]>('UPDATE comments SET resolved = ? WHERE id = ?');
  const setText = db.prepare<[string, string]>('UPDATE comments SET text = ? WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM comments WHERE id = ?');
  const topLevel = db.prepare<[string], { id: string }>(
    'SELECT id FROM comments WHERE story_id = ? AND parent_id IS NULL',
  );
  const place = db.prepare<[number, number | null, string]>(
    'UPDATE comments SET orphaned = ?, position = ? WHERE id = ?',
  );
  const unresolved = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM comments WHERE story_id = ? AND parent_id IS NULL AND resolved = 0',
  );

  const toComment = (row: CommentRow, replies: CommentReply[]): Comment => ({
    id: row.id,
    storyId: row.story_id,
    text: row.text,
    quote: row.quote,
    author: row.author,
    resolved: row.resolved === 1,
    orphaned: row.orphaned === 1,
    position: row.position,
    createdAt: iso(row.created_at),
    replies,
  });

  return {
    /** Top-level comments in document order (orphans last), each with its replies oldest first. */
    list(storyId: string): Comment[] {
      const rows = forStory.all(storyId);
      const replies = new Map<string, CommentReply[]>();
      for (const row of rows
        .filter((r) => r.parent_id !== null)
        .sort((a, b) => a.created_at - b.created_at)) {
        const reply = { id: row.id, author: row.author, text: row.text, createdAt: iso(row.created_at) };
        replies.set(row.parent_id!, [...(replies.get(row.parent_id!) ?? []), reply]);
      }
      return rows.filter((r) => r.parent_id === null).map((r) => toComment(r, replies.get(r.id) ?? []));
    },
    get(id: string): { id: string; storyId: string; parentId: string | null; author: string } | null {
      const row = byId.get(id);
      return row ? { id: row.id, storyId: row.story_id, parentId: row.parent_id, author: row.author } : null;
    },
    insert(comment: NewComment): void {
      insert.run(comment);
    },
    setResolved(id: string, resolved: boolean): void {
      setResolved.run(resolved ? 1 : 0, id);
    },
    setText(id: string, text: string): void {
      setText.run(text, id);
    },
    /** Deletes a comment with its replies. */
    delete(id: string): void {
      remove.run(id);
    },
    /** Marks each top-level comment of a story as placed at its index in `anchored`, or orphaned. */
    place(storyId: string, anchored: string[]): void {
      const order = new Map(anchored.map((id, i) => [id, i]));
      for (const { id } of topLevel.all(storyId)) {
        const position = order.get(id);
        place.run(position === undefined ? 1 : 0, position ?? null, id);
      }
    },
    hasAny: (storyId: string): boolean => topLevel.get(storyId) !== undefined,
    unresolvedCount: (storyId: string): number => unresolved.get(storyId)?.n ?? 0,
    transaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}

export type CommentQueries = ReturnType<typeof commentQueries>;
