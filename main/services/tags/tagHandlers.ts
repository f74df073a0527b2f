import type { tagChannels } from '../../../shared/ipc/channels/tags';
import type { HandlersFor } from '../../ipc/dispatch';
import type { TagService } from './tagService';

export const tagHandlers = (tags: TagService): HandlersFor<typeof tagChannels> => ({
  'tags:list': (input) => tags.list(input),
  'tags:ofStory': ({ storyId }) => tags.ofStory(storyId),
  'stories:setTags': ({ id, tags: names }) => tags.setStoryTags(id, names),
  'tags:addToStory': ({ storyId, name }) => tags.addToStory(storyId, name),
  'tags:removeFromStory': ({ storyId, name }) => tags.removeFromStory(storyId, name),
  'tags:rename': ({ id, name }) => tags.rename(id, name),
  'tags:merge': ({ sourceId, targetId }) => tags.merge(sourceId, targetId),
  'tags:undoMerge': ({ mergeId }) => tags.undoMerge(mergeId),
  'tags:delete': ({ id }) => tags.remove(id),
});
