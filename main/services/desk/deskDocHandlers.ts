import type { deskDocChannels } from '../../../shared/ipc/channels/deskDoc';
import type { HandlersFor } from '../../ipc/dispatch';
import type { StoryDocRelay } from './storyDocRelay';

export const deskDocHandlers = (relay: StoryDocRelay): HandlersFor<typeof deskDocChannels> => ({
  'desk:docSync': (input) => relay.sync(input),
  'desk:docUpdate': (input) => relay.update(input),
  'desk:awareness': (input) => relay.awareness(input),
});
