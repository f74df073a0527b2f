import type { sectionChannels } from '../../../shared/ipc/channels/sections';
import type { HandlersFor } from '../../ipc/dispatch';
import type { SectionService } from './sectionService';

export const sectionHandlers = (sections: SectionService): HandlersFor<typeof sectionChannels> => ({
  'sections:list': () => sections.list(),
  'sections:create': ({ name }) => sections.create(name),
  'sections:rename': ({ id, name }) => sections.rename(id, name),
  'sections:reorder': ({ ids }) => sections.reorder(ids),
});
