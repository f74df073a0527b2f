import { AppError } from '../../../shared/ipc/errors';
import type { CoreEvents } from '../../core/coreEvents';
import type { PeopleQueries } from '../../db/queries/peopleQueries';
import type { DeskPerson, DeskStatus } from '../../../shared/ipc/channels/desk';

export interface DeskPeopleDeps {
  queries: PeopleQueries;
  events: CoreEvents;
  status(): DeskStatus;
  people(): Promise<DeskPerson[]>;
  now: () => Date;
  log?: (error: unknown) => void;
  /** Least time between two readings of the desk's people (ms). */
  everyMs?: number;
}

/**
 * On a joined machine the people are the desk's: each desk person is a local person under the desk's id
 * (so the review queue, comments and activity name them), and the one using this machine is the member
 * who joined — the person switcher cannot make a reporter's machine act as an editor.
 */
export function createDeskPeopleProjection(deps: DeskPeopleDeps) {
  const { queries, events } = deps;
  let lastRead = -Infinity;
  let reading = false;

  function apply(people: DeskPerson[], memberId: string) {
    let changed = false;
    queries.transaction(() => {
      for (const person of people) {
        if (queries.get(person.id)) {
          if (queries.restore(person.id)) changed = true;
          continue;
        }
        queries.insert(person, deps.now().getTime());
        changed = true;
      }
      // Someone the desk no longer lists was removed there: out of the lists here too.
      const listed = new Set(people.map((person) => person.id));
      for (const person of queries.list()) {
        if (!listed.has(person.id) && queries.remove(person.id, deps.now().getTime())) changed = true;
      }
      if (queries.get(memberId) && queries.currentId() !== memberId) {
        queries.setCurrentId(memberId);
        changed = true;
      }
    });
    if (changed) events.emit('people:changed', { current: queries.get(memberId) ?? null });
  }

  return {
    /** Refuses choosing or adding a person here on a joined machine: the desk says who uses it. */
    refuseLocalPeople() {
      const status = deps.status();
      if (status.joined)
        throw new AppError(
          'conflict',
          `This Copydesk is ${status.person.name}’s on the desk; the desk’s editors invite people from Settings ▸ Newsroom desk.`,
        );
    },

    /** Called after every poll that reached the desk: reads its people now and then (`now`: at once), and projects them. */
    async follow({ now = false }: { now?: boolean } = {}) {
      const status = deps.status();
      const at = deps.now().getTime();
      if (!status.joined || reading || (!now && at - lastRead < (deps.everyMs ?? 5_000))) return;
      reading = true;
      lastRead = at;
      try {
        const people = await deps.people();
        const member = people.some((person) => person.id === status.person.id)
          ? people
          : [...people, status.person];
        apply(member, status.person.id);
      } catch (error) {
        deps.log?.(error);
      } finally {
        reading = false;
      }
    },
  };
}

export type DeskPeopleProjection = ReturnType<typeof createDeskPeopleProjection>;
