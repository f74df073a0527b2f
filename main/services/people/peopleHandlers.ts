import type { peopleChannels } from '../../../shared/ipc/channels/people';
import type { HandlersFor } from '../../ipc/dispatch';
import type { PeopleService } from './peopleService';

export const peopleHandlers = (people: PeopleService): HandlersFor<typeof peopleChannels> => ({
  'people:list': () => people.list(),
  'people:current': () => people.current(),
  'people:create': (input) => people.create(input),
  'people:switch': ({ id }) => people.switchTo(id),
});
