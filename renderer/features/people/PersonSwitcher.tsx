import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/domain/person';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { useFloatingPosition } from '../../components/useFloatingPosition';
import { useCurrentPerson } from './PersonContext';
import { PersonFields } from './PersonFields';
import './people.css';

const ROLE_LABELS: Record<Role, string> = { reporter: 'Reporter', editor: 'Editor' };

/** The current person at the foot of the sidebar; "Switch person" lists the others, one click each. */
export function PersonSwitcher() {
  const { person, people, switchTo, add } = useCurrentPerson();
  const onDesk = useQueryCall('desk:status', {}).value?.joined === true;
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [error, setError] = useState<string | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const current = useRef<HTMLDivElement>(null);
  useFloatingPosition(open, current, menu, { placement: 'top-start', sameWidth: true });

  // Escape closes the menu from anywhere, and focus goes back to "Switch person" if it was inside.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      const focusInside = menu.current?.contains(document.activeElement);
      setOpen(false);
      setAdding(false);
      if (focusInside) toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const run = (work: Promise<void>) =>
    work
      .then(() => {
        setOpen(false);
        setAdding(false);
        setName('');
        setError(null);
      })
      .catch((cause: unknown) => setError(errorMessage(cause)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(add({ name: name.trim(), role }));
  };

  return (
    <div className="person-switcher">
      {open && (
        <div className="person-menu" role="group" aria-label="People" ref={menu}>
          <ul>
            {people
              .filter((other) => other.id !== person.id)
              .map((other) => (
                <li key={other.id}>
                  <button
                    type="button"
                    className="person-choice"
                    onClick={() => void run(switchTo(other.id))}
                  >
                    {other.name} <span className="person-role">{ROLE_LABELS[other.role]}</span>
                  </button>
                </li>
              ))}
          </ul>
          {adding ? (
            <form className="person-add" onSubmit={submit}>
              <PersonFields name={name} role={role} onName={setName} onRole={setRole} />
              <button type="submit" className="button-primary" disabled={!name.trim()}>
                Add person
              </button>
            </form>
          ) : (
            <button type="button" className="person-choice" onClick={() => setAdding(true)}>
              + Someone new
            </button>
          )}
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </div>
      )}
      <div className="person-current" ref={current}>
        <span className="person-avatar" aria-hidden="true">
          {person.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="person-name" data-testid="current-person">
          {person.name}
          <span className="person-role">{ROLE_LABELS[person.role]}</span>
        </span>
        {onDesk ? (
          // The desk says who uses a joined machine; its editors invite people from Settings.
          <span className="person-switch person-on-desk">On the newsroom desk</span>
        ) : (
          <button
            type="button"
            ref={toggle}
            className="person-switch"
            aria-expanded={open}
            onClick={() => {
              setOpen((value) => !value);
              setAdding(false);
            }}
          >
            Switch person
          </button>
        )}
      </div>
    </div>
  );
}
