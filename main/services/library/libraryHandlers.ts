import type { libraryChannels } from '../../../shared/ipc/channels/library';
import type { HandlersFor } from '../../ipc/dispatch';
import type { LibraryService } from './libraryService';

export const libraryHandlers = (library: LibraryService): HandlersFor<typeof libraryChannels> => ({
  'library:query': (input) => library.query(input),
  'library:authors': () => library.authors(),
});
