import type { linkChannels } from '../../../shared/ipc/channels/links';
import type { HandlersFor } from '../../ipc/dispatch';
import type { LinkService } from './linkService';

export const linkHandlers = (links: LinkService): HandlersFor<typeof linkChannels> => ({
  'links:forStory': ({ id }) => links.forStory(id),
  'links:search': ({ query, excludeId, limit }) => links.search(query, excludeId, limit),
});
