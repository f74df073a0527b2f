import { createContext, use, useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Person, PersonInput } from '../../../shared/domain/person';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
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
  const [person, setPerson] = useState<Person | null | undefined>(undefined);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);

  const [generation, setGeneration] = useState(0);
  const load = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    Promise.all([client.call('people:current', {}), client.call('people:list', {})])
      .then(([who, all]) => {
        if (!current) return;
        setPeople(all);
        setPerson(who);
      })
      .catch((cause: unknown) => current && setError(errorMessage(cause)));
    return () => {
      current = false;
    };
  }, [client, generation]);
  // The desk has one current person: a switch in another window is a switch here too.
  useEffect(() => client.on('people:changed', load), [client, load]);

  const add = useCallback(
    async (input: PersonInput) => {
      await client.call('people:create', input);
      load();
    },
    [client, load],
  );
  const switchTo = useCallback(
    async (id: string) => {
      await client.call('people:switch', { id });
      load();
    },
    [client, load],
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
