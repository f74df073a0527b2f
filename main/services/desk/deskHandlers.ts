import type { deskChannels } from '../../../shared/ipc/channels/desk';
import type { HandlersFor } from '../../ipc/dispatch';
import type { DeskMoves } from './deskMoves';
import type { DeskPeopleProjection } from './deskPeopleProjection';
import type { DeskSync } from './deskSync';
import type { PublishApproved } from './publishApproved';

export const deskHandlers = (
  desk: DeskSync,
  moves: DeskMoves,
  people: DeskPeopleProjection,
  publishApproved: PublishApproved,
): HandlersFor<typeof deskChannels> => ({
  'desk:status': () => desk.status(),
  'desk:join': (input) => desk.join(input),
  'desk:invite': (input) => desk.invite(input),
  'desk:people': () => desk.people(),
  'desk:remove': async ({ personId }) => {
    await desk.remove(personId);
    await people.follow({ now: true });
    return {};
  },
  'desk:share': ({ storyId }) => desk.share(storyId),
  'desk:shareAll': () => moves.shareAll(),
  'desk:storyState': ({ storyId }) => desk.storyState(storyId),
  'desk:transition': (input) => desk.transition(input),
  'desk:settleOverwrite': (input) => desk.settleOverwrite(input),
  'desk:publishApproved': (input) => publishApproved(input),
});
