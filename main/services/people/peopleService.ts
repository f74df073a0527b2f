import { monotonicFactory } from 'ulid';
import type { Person, PersonInput } from '../../../shared/domain/person';
import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { PeopleQueries } from '../../db/queries/peopleQueries';

/** The people of a desk machine and which of them is using it now. */
export function createPeopleService({
  queries,
  now,
  events,
}: {
  queries: PeopleQueries;
  now: () => Date;
  events: CoreEvents;
}) {
  const newId = monotonicFactory();
  const current = (): Person | null => {
    const id = queries.currentId();
    return id ? queries.get(id) : null;
  };
  return {
    list: (): Person[] => queries.list(),
    current,
    /** The current person, or `forbidden` when nobody has said who they are. */
    requireCurrent(): Person {
      const person = current();
      if (!person) throw new AppError('forbidden', 'Say who you are first (choose or add a person).');
      return person;
    },
    /** Adds a person and makes them the current one. */
    create(input: PersonInput): Person {
      const at = now().getTime();
      const person: Person = { id: newId(at), name: input.name, role: input.role };
      queries.transaction(() => {
        queries.insert(person, at);
        queries.setCurrentId(person.id);
      });
      events.emit('people:changed', { current: person });
      return person;
    },
    switchTo(id: string): Person {
      const person = queries.get(id);
      if (!person) throw new AppError('not-found', `No person with id ${id}`);
      queries.setCurrentId(id);
      events.emit('people:changed', { current: person });
      return person;
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
