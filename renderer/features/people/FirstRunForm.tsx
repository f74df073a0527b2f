import { useState, type FormEvent } from 'react';
import type { PersonInput, Role } from '../../../shared/domain/person';
import { errorMessage } from '../../api/errorMessage';
import { PersonFields } from './PersonFields';
import './people.css';

/** First run: who is using this desk machine. */
export function FirstRunForm({ onSubmit }: { onSubmit(input: PersonInput): Promise<void> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), role }).catch((cause: unknown) => setError(errorMessage(cause)));
  };
  return (
    <main className="first-run">
      <form className="first-run-card" onSubmit={submit} aria-label="Who is using Copydesk">
        <div className="brand first-run-brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Copydesk
        </div>
        <h1>Who is writing?</h1>
        <p className="muted">
          Your name goes on your stories, comments and reviews. Others can add themselves later.
        </p>
        <PersonFields name={name} role={role} onName={setName} onRole={setRole} />
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={!name.trim()}>
          Start
        </button>
      </form>
    </main>
  );
}
