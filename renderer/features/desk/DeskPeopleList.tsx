import { useState } from 'react';
import type { DeskPerson } from '../../../shared/ipc/channels/desk';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import './deskPeople.css';

/**
 * Settings ▸ Newsroom desk: who is on the desk; an editor removes someone (asked twice). Their token stops
 * working at once; their name stays on what they wrote.
 */
export function DeskPeopleList(props: { me: DeskPerson }) {
  const { value: people } = useQueryCall('desk:people', {});
  if (!people) return null;
  return (
    <section className="target-form" aria-labelledby="desk-people-heading">
      <h3 id="desk-people-heading">People on the desk</h3>
      <ul className="desk-people">
        {people.map((person) => (
          <DeskPersonRow
            key={person.id}
            person={person}
            removable={props.me.role === 'editor' && person.id !== props.me.id}
          />
        ))}
      </ul>
    </section>
  );
}

function DeskPersonRow({ person, removable }: { person: DeskPerson; removable: boolean }) {
  const client = useClient();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setError(null);
    try {
      await client.call('desk:remove', { personId: person.id });
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <li aria-label={person.name}>
      <span className="desk-person-name">{person.name}</span> <span className="hint">{person.role}</span>
      {removable &&
        (asking ? (
          <span className="desk-person-confirm">
            Remove {person.name} from the desk?{' '}
            <button type="button" className="button-danger" onClick={() => void remove()}>
              Remove
            </button>{' '}
            <button type="button" onClick={() => setAsking(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setAsking(true)}>
            Remove…
          </button>
        ))}
      {error && (
        <p role="alert" className="workflow-error">
          {error}
        </p>
      )}
    </li>
  );
}
