import type { ActivityEntry, ActivityKind } from '../../../shared/domain/activity';
import type { ActivityQueries } from '../../db/queries/activityQueries';
import type { StoryWriteHook } from '../stories/storyService';

/** Saves by the same person within this long of the last one are one timeline entry. */
export const ACTIVITY_COALESCE_MS = 5 * 60 * 1000;

export interface ActivityInput {
  storyId: string;
  kind: ActivityKind;
  summary: string;
  /** Defaults to the current person's name. */
  actor?: string;
}

/** Per-story timelines: saves (coalesced), status changes, comments, publishes. */
export function createActivityService(deps: {
  queries: ActivityQueries;
  now: () => Date;
  actor: () => string;
}) {
  const { queries, now } = deps;
  let quiet = 0;

  const record = ({ storyId, kind, summary, actor = deps.actor() }: ActivityInput): void => {
    const at = now().getTime();
    const newest = queries.newest(storyId);
    if (
      kind === 'saved' &&
      newest?.kind === 'saved' &&
      newest.actor === actor &&
      at - Date.parse(newest.updatedAt) < ACTIVITY_COALESCE_MS
    ) {
      queries.bump(newest.id, at);
      return;
    }
    queries.insert({ storyId, kind, actor, summary, at });
  };

  const afterWrite: StoryWriteHook = (story, change) => {
    if (quiet > 0) return;
    if (change === 'created') record({ storyId: story.id, kind: 'created', summary: 'Created the story' });
    if (change === 'saved') record({ storyId: story.id, kind: 'saved', summary: 'Edited' });
  };

  return {
    /** Adds an entry to a story's timeline. */
    record,
    afterWrite,
    /** Runs a story write whose own timeline entry the caller records (e.g. a status change). */
    quietly<T>(work: () => T): T {
      quiet++;
      try {
        return work();
      } finally {
        quiet--;
      }
    },
    list: (storyId: string, limit: number): ActivityEntry[] => queries.list(storyId, limit),
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
