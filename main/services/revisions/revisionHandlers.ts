import type { revisionChannels } from '../../../shared/ipc/channels/revisions';
import type { HandlersFor } from '../../ipc/dispatch';
import type { RevisionService } from './revisionService';

export const revisionHandlers = (revisions: RevisionService): HandlersFor<typeof revisionChannels> => ({
  'revisions:list': ({ storyId }) => revisions.list(storyId),
  'revisions:get': ({ storyId, n }) => revisions.get(storyId, n),
  'revisions:create': ({ storyId, label }) => revisions.create(storyId, label),
  'revisions:restore': (input) => revisions.restore(input),
});
