import type { sectionChannels } from '../../../shared/ipc/channels/sections';
import type { HandlersFor } from '../../ipc/dispatch';
import type { RequireEditor } from '../people/requireEditor';
import type { SectionService } from './sectionService';

export const sectionHandlers = (
  sections: SectionService,
  requireEditor: RequireEditor,
): HandlersFor<typeof sectionChannels> => ({
  'sections:list': () => sections.list(),
  'sections:create': ({ name }) => {
    requireEditor('the sections');
    return sections.create(name);
  },
  'sections:rename': ({ id, name }) => {
    requireEditor('the sections');
    return sections.rename(id, name);
  },
  'sections:reorder': ({ ids }) => {
    requireEditor('the sections');
    return sections.reorder(ids);
  },
});
