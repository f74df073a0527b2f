import { z } from 'zod';
import { StoryId } from '../../domain/story';
import { MAX_TAGS_PER_STORY, TagId, TagName, TagWithCount } from '../../domain/tag';
import { channel } from '../channel';

export const TagsChanged = z.object({ tagIds: z.array(TagId) });

export const tagChannels = {
  /** All tags with their story counts, by name; `prefix` narrows them for autocomplete. */
  'tags:list': channel(
    z
      .object({ prefix: z.string().max(200).optional(), limit: z.number().int().min(1).max(5000).optional() })
      .strict(),
    z.array(TagWithCount),
  ),
  /** A story's tags, in the order they were given. */
  'tags:ofStory': channel(z.object({ storyId: StoryId }).strict(), z.array(z.string())),
  /**
   * Replaces a story's tags in one transaction; unknown tags are created, known ones matched
   * case-insensitively. Returns the tags as stored. For bulk edits: a list loaded before someone
   * renamed a tag would bring the old name back, so an editing window adds and removes single tags.
   */
  'stories:setTags': channel(
    z
      .object({
        id: StoryId,
        tags: z.array(TagName).max(MAX_TAGS_PER_STORY, `At most ${MAX_TAGS_PER_STORY} tags per story`),
      })
      .strict(),
    z.array(z.string()),
  ),
  /**
   * Puts one tag last on a story (a known tag matched ignoring case, else a new one); a tag it
   * already has changes nothing. Returns the story's tags as stored.
   */
  'tags:addToStory': channel(z.object({ storyId: StoryId, name: TagName }).strict(), z.array(z.string())),
  /** Takes one tag (matched ignoring case) off a story; one it does not have changes nothing. Returns the story's tags. */
  'tags:removeFromStory': channel(
    z.object({ storyId: StoryId, name: TagName }).strict(),
    z.array(z.string()),
  ),
  /** Renames a tag everywhere; fails with `conflict` if another tag already has that name (merge instead). */
  'tags:rename': channel(z.object({ id: TagId, name: TagName }).strict(), TagWithCount),
  /**
   * Moves every story of `sourceId` to `targetId` and deletes `sourceId`. Returns the target tag and
   * `mergeId`, which `tags:undoMerge` takes for a day.
   */
  'tags:merge': channel(
    z.object({ sourceId: TagId, targetId: TagId }).strict(),
    TagWithCount.extend({ mergeId: z.number().int().positive() }),
  ),
  /**
   * Undoes a merge: the merged-away tag is back on exactly the stories that had it (in its old place), and
   * the target comes off the stories that had it only through the merge. A story whose tags were changed since
   * the merge is left as it is (`leftAlone` counts them). `not-found` once it is too old, `conflict` if it was
   * already undone.
   */
  'tags:undoMerge': channel(
    z.object({ mergeId: z.number().int().positive() }).strict(),
    z.object({ source: TagWithCount, target: TagWithCount.nullable(), leftAlone: z.number().int() }),
  ),
  /** Deletes a tag and takes it off every story. */
  'tags:delete': channel(z.object({ id: TagId }).strict(), z.object({ removedFrom: z.number().int() })),
};

export const tagEvents = {
  /** Tags were renamed, merged or deleted, or put on or taken off a story: lists showing tags or counts should reload. */
  'tags:changed': TagsChanged,
};
