import { createContext, use, useCallback, type ReactNode } from 'react';
import type { Person, PersonInput } from '../../../shared/domain/person';
import { useClient } from '../../api/ClientContext';
import { useQueryCall } from '../../api/useQueryCall';
import { FirstRunForm } from './FirstRunForm';

export interface People {
  person: Person;
  people: Person[];
  switchTo(id: string): Promise<void>;
  add(input: PersonInput): Promise<void>;
}

const PeopleContext = createContext<People | null>(null);

/** The person using the app; components below a PeopleGate always have one. */
export function useCurrentPerson(): People {
  const people = use(PeopleContext);
  if (!people) throw new Error('useCurrentPerson needs a PeopleGate above it');
  return people;
}

/** Asks who is using the app on first run, then provides the current person to everything below. */
export function PeopleGate({ children }: { children: ReactNode }) {
  const client = useClient();
  // The desk has one current person: people:changed (a switch here or in another window) asks again.
  const current = useQueryCall('people:current', {});
  const list = useQueryCall('people:list', {});
  const person = list.value === undefined ? undefined : current.value;
  const people = list.value ?? [];
  const error = current.error ?? list.error;

  const add = useCallback(
    async (input: PersonInput) => {
      await client.call('people:create', input);
    },
    [client],
  );
  const switchTo = useCallback(
    async (id: string) => {
      await client.call('people:switch', { id });
    },
    [client],
  );

  if (error) {
    return (
      <p role="alert" className="banner banner-error">
        {error}
      </p>
    );
  }
  if (person === undefined) return null;
  if (person === null) return <FirstRunForm onSubmit={add} />;
  return <PeopleContext value={{ person, people, switchTo, add }}>{children}</PeopleContext>;
}
