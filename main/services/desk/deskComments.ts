import type * as Y from 'yjs';
import { z } from 'zod';
import type { Comment } from '../../../shared/domain/comment';
import { anchoredCommentIds } from '../../../shared/editor/storyDocRefs';
import type { CoreEvents } from '../../core/coreEvents';
import type { CommentQueries } from '../../db/queries/commentQueries';
import type { Story } from '../../../shared/domain/story';
import { COMMENTS_LOG } from './storyDoc';
import { FROM_THIS_MACHINE } from './storyDocSync';

/** One entry of a story's comment log: a comment or reply written, resolved or reopened, edited or deleted. */
const LogEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    id: z.string(),
    parentId: z.string().nullable(),
    text: z.string().max(4000),
    quote: z.string().max(4000),
    author: z.string().max(200),
    createdAt: z.number(),
  }),
  z.object({ kind: z.literal('resolve'), commentId: z.string(), resolved: z.boolean() }),
  z.object({ kind: z.literal('edit'), commentId: z.string(), text: z.string().max(4000) }),
  z.object({ kind: z.literal('delete'), commentId: z.string() }),
]);
type LogEntry = z.infer<typeof LogEntry>;

export interface DeskCommentsDeps {
  queries: CommentQueries;
  events: CoreEvents;
  /** The story, or null while the desk's copy has not been projected here yet. */
  storyOf(storyId: string): Story | null;
  log?: (error: unknown) => void;
}

/**
 * Comment threads between machines: an append-only log in each desk story's Y.Doc (written here, never
 * rewritten), and the local comments table as its projection. A reply or a resolve is one more entry,
 * so concurrent ones from two machines both survive the merge.
 */
export function createDeskComments(deps: DeskCommentsDeps) {
  const { queries, events } = deps;
  const logs = new Map<string, Y.Array<unknown>>();
  // Each comment's text as both sides last agreed on it: which side changed it since, and which comments
  // this machine had (one missing now was deleted here).
  const agreed = new Map<string, string>();

  const entriesOf = (log: Y.Array<unknown>): LogEntry[] =>
    log.toArray().flatMap((raw) => {
      const parsed = LogEntry.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });

  /** What the log says: every comment written, each one's last resolved state and text, and the deleted ones. */
  function readLog(log: Y.Array<unknown>) {
    const written = new Map<string, Extract<LogEntry, { kind: 'comment' }>>();
    const resolved = new Map<string, boolean>();
    const texts = new Map<string, string>();
    const deleted = new Set<string>();
    for (const entry of entriesOf(log)) {
      if (entry.kind === 'comment') {
        if (!written.has(entry.id)) {
          written.set(entry.id, entry);
          texts.set(entry.id, entry.text);
        }
      } else if (entry.kind === 'resolve') resolved.set(entry.commentId, entry.resolved);
      else if (entry.kind === 'edit') texts.set(entry.commentId, entry.text);
      else deleted.add(entry.commentId);
    }
    // A reply goes with its comment.
    for (const entry of written.values())
      if (entry.parentId !== null && deleted.has(entry.parentId)) deleted.add(entry.id);
    return { written, resolved, texts, deleted };
  }

  const localRows = (comments: Comment[]) =>
    comments.flatMap((comment) => [
      { comment, parentId: null as string | null },
      ...comment.replies.map((reply) => ({
        comment: { ...comment, ...reply, quote: '', resolved: false },
        parentId: comment.id as string | null,
      })),
    ]);

  /** Writes what the log has and this machine lacks into the comments table. */
  function pull(storyId: string) {
    const log = logs.get(storyId);
    const story = deps.storyOf(storyId);
    if (!log || !story) return;
    const { written, resolved, texts, deleted } = readLog(log);
    const local = new Map(localRows(queries.list(storyId)).map((row) => [row.comment.id, row.comment]));
    let changed = false;
    queries.transaction(() => {
      for (const id of deleted) {
        agreed.delete(id);
        if (!local.has(id)) continue;
        queries.delete(id);
        local.delete(id);
        changed = true;
      }
      for (const [id, text] of texts) {
        const row = local.get(id);
        if (!row) continue;
        if (row.text === text) {
          agreed.set(id, text);
          continue;
        }
        // Changed here since both sides last agreed: push sends it, and the last edit in the log wins.
        if (agreed.has(id) && agreed.get(id) !== row.text) continue;
        queries.setText(id, text);
        agreed.set(id, text);
        changed = true;
      }
      // Comments before their replies, so a reply always finds its parent.
      const missing = [...written.values()]
        .filter((entry) => !local.has(entry.id) && !deleted.has(entry.id))
        .sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
      for (const entry of missing) {
        if (entry.parentId !== null && !local.has(entry.parentId) && !written.has(entry.parentId)) continue;
        const text = texts.get(entry.id) ?? entry.text;
        queries.insert({
          id: entry.id,
          storyId,
          parentId: entry.parentId,
          text,
          quote: entry.quote,
          author: entry.author,
          createdAt: entry.createdAt,
        });
        agreed.set(entry.id, text);
        changed = true;
      }
      for (const [commentId, value] of resolved) {
        const row = local.get(commentId);
        if ((row && row.resolved !== value) || (!row && written.has(commentId) && value)) {
          queries.setResolved(commentId, value);
          changed = true;
        }
      }
      if (changed) queries.place(storyId, anchoredCommentIds(story.body));
    });
    const first = [...written.values()].find((entry) => entry.parentId === null);
    if (changed && first) events.emit('comments:changed', { storyId, commentId: first.id });
  }

  /** Appends to the log what this machine wrote and the log lacks (a new comment, reply or resolve). */
  function push(storyId: string) {
    const log = logs.get(storyId);
    if (!log || !deps.storyOf(storyId)) return;
    const { written, resolved, texts, deleted } = readLog(log);
    const entries: LogEntry[] = [];
    const rows = localRows(queries.list(storyId));
    const here = new Set(rows.map((row) => row.comment.id));
    for (const id of written.keys()) {
      if (here.has(id) || deleted.has(id) || !agreed.has(id)) continue;
      entries.push({ kind: 'delete', commentId: id });
      agreed.delete(id);
    }
    for (const { comment, parentId } of rows) {
      if (!written.has(comment.id)) {
        entries.push({
          kind: 'comment',
          id: comment.id,
          parentId,
          text: comment.text,
          quote: comment.quote,
          author: comment.author,
          createdAt: Date.parse(comment.createdAt),
        });
        agreed.set(comment.id, comment.text);
      } else if (texts.get(comment.id) !== comment.text && agreed.get(comment.id) !== comment.text) {
        entries.push({ kind: 'edit', commentId: comment.id, text: comment.text });
        agreed.set(comment.id, comment.text);
      }
      if (parentId === null && (resolved.get(comment.id) ?? false) !== comment.resolved)
        entries.push({ kind: 'resolve', commentId: comment.id, resolved: comment.resolved });
    }
    if (entries.length > 0) log.doc!.transact(() => log.push(entries), FROM_THIS_MACHINE);
  }

  events.on('comments:changed', ({ storyId }) => {
    try {
      push(storyId);
    } catch (error) {
      deps.log?.(error);
    }
  });

  return {
    /** deskSync's hook: a desk story's doc was opened here; its log is followed from now on. */
    onDoc(storyId: string, doc: Y.Doc) {
      const log = doc.getArray<unknown>(COMMENTS_LOG);
      logs.set(storyId, log);
      log.observe((event) => {
        if (event.transaction.origin === FROM_THIS_MACHINE) return;
        // Pulled once the transaction is over, outside whatever the provider is doing.
        queueMicrotask(() => {
          try {
            pull(storyId);
          } catch (error) {
            deps.log?.(error);
          }
        });
      });
      doc.on('destroy', () => logs.delete(storyId));
      // Comments written before the story moved to the desk join its log.
      queueMicrotask(() => this.onProjected(storyId));
    },
    /** deskSync's hook: the story row exists (now, or again): bring both sides of the log level. */
    onProjected(storyId: string) {
      try {
        pull(storyId);
        push(storyId);
      } catch (error) {
        deps.log?.(error);
      }
    },
  };
}
