import { z } from 'zod';
import { Person, PersonId, PersonInput } from '../../domain/person';
import { channel, NoInput } from '../channel';

export const peopleChannels = {
  /** Everyone who uses this desk machine, by name. */
  'people:list': channel(NoInput, z.array(Person)),
  /** Who is using the app now; null on first run. */
  'people:current': channel(NoInput, Person.nullable()),
  /** Adds a person (name and role) and makes them the current one. */
  'people:create': channel(PersonInput, Person),
  /** Makes another person the current one. */
  'people:switch': channel(z.object({ id: PersonId }).strict(), Person),
};

export const peopleEvents = {
  /**
   * Someone was added or the person using the desk changed, in any window: the core now acts as
   * `current`, so every window shows that person.
   */
  'people:changed': z.object({ current: Person.nullable() }),
};
