import type { Story } from '../../../shared/domain/story';
import { MAX_TAGS_PER_STORY, uniqueTagNames, type TagWithCount } from '../../../shared/domain/tag';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { TagQueries } from '../../db/queries/tagQueries';

export interface TagServiceDeps {
  queries: TagQueries;
  /** The story as stored; throws `not-found` for an unknown id. */
  getStory: (id: string) => Story;
  now: () => Date;
  events: CoreEvents;
  /** A story's tag list changed (the newsroom desk carries it to the other machines). */
  afterStoryTags?: (storyId: string, tags: string[]) => void;
}

/** How long a merge can be undone. */
const MERGE_UNDO_MS = 24 * 60 * 60 * 1000;

/** Tags: a story's tag list, and the newsroom-wide rename, merge and delete. */
export function createTagService({ queries, getStory, now, events, afterStoryTags }: TagServiceDeps) {
  const mustGet = (id: number): TagWithCount => {
    const tag = queries.get(id);
    if (!tag) throw new AppError('not-found', `No tag with id ${id}`);
    return tag;
  };

  const idFor = (name: string): number => queries.byName(name)?.id ?? queries.insert(name, now().getTime());

  /**
   * Runs `change` on a live story in one transaction; it returns the ids of the tags it put on or
   * took off (or reordered), and when there are any both events go out. Returns the story's tags as stored.
   */
  const changeStoryTags = (storyId: string, change: () => number[]): string[] => {
    const { story, touched, tags } = queries.transaction(() => {
      const story = getStory(storyId);
      if (story.trashedAt !== null)
        throw new AppError('conflict', 'This story is in the trash; restore it first.');
      return { story, touched: change(), tags: queries.ofStory(storyId) };
    });
    if (touched.length === 0) return tags;
    // The story's own fields and version are unchanged, so an open editor keeps saving without a conflict.
    events.emit('stories:changed', { id: storyId, version: story.version, change: 'saved' });
    events.emit('tags:changed', { tagIds: touched });
    afterStoryTags?.(storyId, tags);
    return tags;
  };

  return {
    list: (input: { prefix?: string | undefined; limit?: number | undefined }): TagWithCount[] =>
      queries.list(input.prefix?.trim() ?? '', input.limit ?? 5000),

    ofStory(storyId: string): string[] {
      getStory(storyId);
      return queries.ofStory(storyId);
    },

    /**
     * Replaces the story's tags atomically, creating unknown ones; existing tags keep their spelling.
     * For bulk edits and imports: an editing window uses `addToStory`/`removeFromStory`, so a list it
     * loaded before a rename elsewhere cannot bring the old tag back.
     */
    setStoryTags: (storyId: string, names: string[]): string[] =>
      changeStoryTags(storyId, () => {
        const before = queries.tagsOfStory(storyId).map((tag) => tag.id);
        const ids = uniqueTagNames(names).map(idFor);
        queries.setStoryTags(storyId, ids);
        return before.join() === ids.join() ? [] : [...new Set([...before, ...ids])];
      }),

    /** Puts one tag (an existing one matched ignoring case, else a new one) last on the story. */
    addToStory: (storyId: string, name: string): string[] =>
      changeStoryTags(storyId, () => {
        const present = queries.tagsOfStory(storyId);
        const existing = queries.byName(name);
        if (existing && present.some((tag) => tag.id === existing.id)) return [];
        if (present.length >= MAX_TAGS_PER_STORY)
          throw new AppError('invalid-input', `At most ${MAX_TAGS_PER_STORY} tags per story`);
        const id = existing?.id ?? idFor(name);
        queries.addToStory(storyId, id);
        return [id];
      }),

    /** Takes one tag (matched ignoring case) off the story; a tag it no longer has changes nothing. */
    removeFromStory: (storyId: string, name: string): string[] =>
      changeStoryTags(storyId, () => {
        const tag = queries.byName(name);
        return tag && queries.removeFromStory(storyId, tag.id) ? [tag.id] : [];
      }),

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

    /**
     * Every story tagged `sourceId` gets `targetId` instead; `sourceId` is deleted. What it changed is kept
     * (for a day) so `undoMerge` can split the tags again.
     */
    merge(sourceId: number, targetId: number): TagWithCount & { mergeId: number } {
      if (sourceId === targetId) throw new AppError('invalid-input', 'Choose two different tags to merge');
      const at = now().getTime();
      const merged = queries.transaction(() => {
        const source = mustGet(sourceId);
        mustGet(targetId);
        queries.pruneMerges(at - MERGE_UNDO_MS);
        const mergeId = queries.recordMerge(source, targetId, at);
        queries.moveAssignments(sourceId, targetId);
        queries.remove(sourceId);
        queries.recordTagsAfterMerge(mergeId);
        return { ...mustGet(targetId), mergeId };
      });
      events.emit('tags:changed', { tagIds: [sourceId, targetId] });
      return merged;
    },

    /**
     * Undoes a merge: the source tag is back (under its old name, or the tag that has that name by now) on
     * exactly the stories that had it, at the same place among their tags, and the target tag comes off the
     * stories that had it only through the merge. Stories deleted since, and stories whose tags someone changed
     * after the merge, are left as they are (`leftAlone` counts the latter).
     */
    undoMerge(mergeId: number): { source: TagWithCount; target: TagWithCount | null; leftAlone: number } {
      const result = queries.transaction(() => {
        const merge = queries.merge(mergeId);
        if (!merge) throw new AppError('not-found', 'That merge can no longer be undone');
        if (merge.undoneAt !== null) throw new AppError('conflict', 'That merge was already undone');
        const sourceId = idFor(merge.sourceName);
        let leftAlone = 0;
        for (const story of queries.mergeStories(mergeId)) {
          if (story.retagged) {
            leftAlone++;
            continue;
          }
          if (story.targetAdded) queries.removeFromStory(story.storyId, merge.targetId);
          queries.placeOnStory(story.storyId, sourceId, story.position);
        }
        queries.markMergeUndone(mergeId, now().getTime());
        return { source: mustGet(sourceId), target: queries.get(merge.targetId), leftAlone };
      });
      events.emit('tags:changed', {
        tagIds: [result.source.id, ...(result.target ? [result.target.id] : [])],
      });
      return result;
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
