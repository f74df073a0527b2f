import { monotonicFactory } from 'ulid';
import { anchoredCommentIds, type Comment } from '../../../shared/domain/comment';
import { AppError } from '../../../shared/ipc/errors';
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
}

const excerpt = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Review comments. The row is written first; the renderer then anchors it with a CommentAnchor mark
 * that the autosave stores in the body. Every body write re-derives which comments are still anchored.
 */
export function createCommentService({ queries, people, activity, storyExists, now }: CommentServiceDeps) {
  const newId = monotonicFactory();
  const topLevel = (commentId: string) => {
    const comment = queries.get(commentId);
    if (!comment) throw new AppError('not-found', `No comment with id ${commentId}`);
    if (comment.parentId !== null) throw new AppError('invalid-input', 'That is a reply, not a comment');
    return comment;
  };
  const find = (storyId: string, id: string): Comment => {
    const comment = queries.list(storyId).find((c) => c.id === id);
    if (!comment) throw new AppError('not-found', `No comment with id ${id}`);
    return comment;
  };

  const afterWrite: StoryWriteHook = (story) => {
    if (queries.hasAny(story.id)) queries.place(story.id, anchoredCommentIds(story.body));
  };

  return {
    afterWrite,
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
      return find(comment.storyId, comment.id);
    },
    unresolvedCount: (storyId: string) => queries.unresolvedCount(storyId),
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
