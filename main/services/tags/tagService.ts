import type { Story } from '../../../shared/domain/story';
import { uniqueTagNames, type TagWithCount } from '../../../shared/domain/tag';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { TagQueries } from '../../db/queries/tagQueries';

export interface TagServiceDeps {
  queries: TagQueries;
  /** The story as stored; throws `not-found` for an unknown id. */
  getStory: (id: string) => Story;
  now: () => Date;
  events: CoreEvents;
}

/** Tags: a story's tag list, and the newsroom-wide rename, merge and delete. */
export function createTagService({ queries, getStory, now, events }: TagServiceDeps) {
  const mustGet = (id: number): TagWithCount => {
    const tag = queries.get(id);
    if (!tag) throw new AppError('not-found', `No tag with id ${id}`);
    return tag;
  };

  return {
    list: (input: { prefix?: string | undefined; limit?: number | undefined }): TagWithCount[] =>
      queries.list(input.prefix?.trim() ?? '', input.limit ?? 5000),

    ofStory(storyId: string): string[] {
      getStory(storyId);
      return queries.ofStory(storyId);
    },

    /** Replaces the story's tags atomically, creating unknown ones; existing tags keep their spelling. */
    setStoryTags(storyId: string, names: string[]): string[] {
      const tags = queries.transaction(() => {
        const story = getStory(storyId);
        if (story.trashedAt !== null)
          throw new AppError('conflict', 'This story is in the trash; restore it first.');
        const at = now().getTime();
        const ids = uniqueTagNames(names).map((name) => queries.byName(name)?.id ?? queries.insert(name, at));
        queries.setStoryTags(storyId, ids);
        return { story, tags: queries.ofStory(storyId) };
      });
      // The story's own fields and version are unchanged, so an open editor keeps saving without a conflict.
      events.emit('stories:changed', { id: storyId, version: tags.story.version, change: 'saved' });
      return tags.tags;
    },

    /** Renames a tag; a different tag with the same name (ignoring case) is a conflict: merge instead. */
    rename(id: number, name: string): TagWithCount {
      const renamed = queries.transaction(() => {
        mustGet(id);
        const other = queries.byName(name);
        if (other && other.id !== id) {
          throw new AppError(
            'conflict',
            `A tag named "${other.name}" already exists; merge the two instead.`,
            {
              existingId: other.id,
            },
          );
        }
        queries.rename(id, name);
        return mustGet(id);
      });
      events.emit('tags:changed', { tagIds: [id] });
      return renamed;
    },

    /** Every story tagged `sourceId` gets `targetId` instead; `sourceId` is deleted. */
    merge(sourceId: number, targetId: number): TagWithCount {
      if (sourceId === targetId) throw new AppError('invalid-input', 'Choose two different tags to merge');
      const merged = queries.transaction(() => {
        mustGet(sourceId);
        mustGet(targetId);
        queries.moveAssignments(sourceId, targetId);
        queries.remove(sourceId);
        return mustGet(targetId);
      });
      events.emit('tags:changed', { tagIds: [sourceId, targetId] });
      return merged;
    },

    remove(id: number): { removedFrom: number } {
      const removedFrom = queries.transaction(() => {
        mustGet(id);
        return queries.remove(id);
      });
      events.emit('tags:changed', { tagIds: [id] });
      return { removedFrom };
    },
  };
}

export type TagService = ReturnType<typeof createTagService>;
