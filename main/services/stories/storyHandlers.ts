import type { storyChannels } from '../../../shared/ipc/channels/stories';
import type { HandlersFor } from '../../ipc/dispatch';
import type { StoryService } from './storyService';

export const storyHandlers = (stories: StoryService): HandlersFor<typeof storyChannels> => ({
  'stories:create': (input) => stories.create(input),
  'stories:get': ({ id }) => stories.get(id),
  'stories:save': (input) => stories.save(input),
  'stories:trash': ({ id }) => stories.trash(id),
  'stories:restore': ({ id }) => stories.restore(id),
});
