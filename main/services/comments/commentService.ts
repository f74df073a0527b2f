import { monotonicFactory } from 'ulid';
import type { Comment } from '../../../shared/domain/comment';
import type { StoryBody } from '../../../shared/domain/story';
import { anchoredTexts, reanchorComments } from '../../../shared/editor/reanchorComments';
import { anchoredCommentIds } from '../../../shared/editor/storyDocRefs';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { CommentQueries } from '../../db/queries/commentQueries';
import type { ActivityService } from '../activity/activityService';
import type { PeopleService } from '../people/peopleService';
import type { StoryWriteHook } from '../stories/storyService';

export interface CommentServiceDeps {
  queries: CommentQueries;
  people: PeopleService;
  activity: ActivityService;
  /** Throws not-found for an unknown story. */
  storyExists(storyId: string): void;
  now: () => Date;
  /** Every write announces `comments:changed` once it has committed. */
  events: Pick<CoreEvents, 'emit'>;
}

const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Review comments. The row is written first; the renderer then anchors it with a CommentAnchor mark
 * that the autosave stores in the body. Every body write re-derives which comments are still anchored.
 */
export function createCommentService({
  queries,
  people,
  activity,
  storyExists,
  now,
  events,
}: CommentServiceDeps) {
  const newId = monotonicFactory();
  const changed = (storyId: string, commentId: string) =>
    events.emit('comments:changed', { storyId, commentId });
  const topLevel = (commentId: string) => {
    const comment = queries.get(commentId);
    if (!comment) throw new AppError('not-found', `No comment with id ${commentId}`);
    if (comment.parentId !== null) throw new AppError('invalid-input', 'That is a reply, not a comment');
    return comment;
  };
  /** A comment or reply the current person wrote; anyone else's is `forbidden`. */
  const ownEntry = (commentId: string, verb: string) => {
    const person = people.requireCurrent();
    const comment = queries.get(commentId);
    if (!comment) throw new AppError('not-found', `No comment with id ${commentId}`);
    const what = comment.parentId === null ? 'comment' : 'reply';
    if (comment.author !== person.name)
      throw new AppError('forbidden', `Only ${comment.author} can ${verb} this ${what}.`);
    return { ...comment, person, what, thread: comment.parentId ?? comment.id };
  };
  const find = (storyId: string, id: string): Comment => {
    const comment = queries.list(storyId).find((c) => c.id === id);
    if (!comment) throw new AppError('not-found', `No comment with id ${id}`);
    return comment;
  };

  const placement = (c: Pick<Comment, 'orphaned' | 'position'>) => `${c.orphaned}:${c.position}`;

  const afterWrite: StoryWriteHook = (story) => {
    if (!queries.hasAny(story.id)) return;
    const before = queries.list(story.id);
    const anchored = anchoredCommentIds(story.body);
    queries.place(story.id, anchored);
    const order = new Map(anchored.map((id, i) => [id, i]));
    const placed = new Map(
      before.map((c) => {
        const position = order.get(c.id) ?? null;
        return [c.id, placement({ orphaned: position === null, position })];
      }),
    );
    const moved = before.filter((c) => placement(c) !== placed.get(c.id)).map((c) => c.id);
    if (moved.length === 0) return;
    // This runs inside the story's transaction: announce only what is still stored once it has ended.
    queueMicrotask(() => {
      for (const c of queries.list(story.id)) {
        if (moved.includes(c.id) && placement(c) === placed.get(c.id)) changed(story.id, c.id);
      }
    });
  };

  return {
    afterWrite,
    /**
     * `restored` (an older body about to replace `current`) with the story's comments anchored again to their text
     * where it still exists: the text they are anchored to in `current`, else the text they were written about.
     */
    keepAnchors(storyId: string, restored: StoryBody, current: StoryBody): StoryBody {
      const comments = queries.list(storyId);
      if (comments.length === 0) return restored;
      const anchoredNow = anchoredTexts(current);
      return reanchorComments(
        restored,
        new Map(comments.map((c) => [c.id, anchoredNow.get(c.id) ?? c.quote])),
      );
    },
    list(storyId: string): Comment[] {
      storyExists(storyId);
      return queries.list(storyId);
    },
    create({ storyId, text, quote }: { storyId: string; text: string; quote: string }): Comment {
      const person = people.requireCurrent();
      storyExists(storyId);
      const at = now().getTime();
      const id = newId(at);
      queries.transaction(() => {
        queries.insert({ id, storyId, parentId: null, text, quote, author: person.name, createdAt: at });
        activity.record({
          storyId,
          kind: 'comment',
          actor: person.name,
          summary: `Commented on “${excerpt(quote)}”: ${excerpt(text)}`,
        });
      });
      changed(storyId, id);
      return find(storyId, id);
    },
    reply({ commentId, text }: { commentId: string; text: string }): Comment {
      const person = people.requireCurrent();
      const parent = topLevel(commentId);
      const at = now().getTime();
      queries.transaction(() => {
        queries.insert({
          id: newId(at),
          storyId: parent.storyId,
          parentId: parent.id,
          text,
          quote: '',
          author: person.name,
          createdAt: at,
        });
        activity.record({
          storyId: parent.storyId,
          kind: 'comment',
          actor: person.name,
          summary: `Replied: ${excerpt(text)}`,
        });
      });
      changed(parent.storyId, parent.id);
      return find(parent.storyId, parent.id);
    },
    setResolved({ commentId, resolved }: { commentId: string; resolved: boolean }): Comment {
      const person = people.requireCurrent();
      const comment = topLevel(commentId);
      queries.transaction(() => {
        queries.setResolved(comment.id, resolved);
        activity.record({
          storyId: comment.storyId,
          kind: 'comment',
          actor: person.name,
          summary: resolved ? 'Resolved a comment' : 'Reopened a comment',
        });
      });
      changed(comment.storyId, comment.id);
      return find(comment.storyId, comment.id);
    },
    /** Changes the text of one's own comment or reply (returning its whole comment); anyone else's is `forbidden`. */
    edit({ commentId, text }: { commentId: string; text: string }): Comment {
      const comment = ownEntry(commentId, 'edit');
      queries.setText(comment.id, text);
      changed(comment.storyId, comment.thread);
      return find(comment.storyId, comment.thread);
    },
    /**
     * Deletes one's own reply, or comment with its replies; anyone else's is `forbidden`. The caller removes a
     * comment's anchor.
     */
    delete({ commentId }: { commentId: string }): { id: string } {
      const comment = ownEntry(commentId, 'delete');
      queries.transaction(() => {
        queries.delete(comment.id);
        activity.record({
          storyId: comment.storyId,
          kind: 'comment',
          actor: comment.person.name,
          summary: `Deleted a ${comment.what}`,
        });
      });
      changed(comment.storyId, comment.thread);
      return { id: comment.id };
    },
    unresolvedCount: (storyId: string) => queries.unresolvedCount(storyId),
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
