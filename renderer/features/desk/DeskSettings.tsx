import { useState, type FormEvent } from 'react';
import type { Role } from '../../../shared/domain/person';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { DeskPeopleList } from './DeskPeopleList';

/** Settings ▸ Newsroom desk: join a desk with its address and an invitation; editors invite others. */
export function DeskSettings() {
  const { value: status, error } = useQueryCall('desk:status', {});

  return (
    <section className="settings-section" aria-labelledby="desk-heading">
      <h2 id="desk-heading">Newsroom desk</h2>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {status?.joined ? (
        <>
          <p className="hint">
            Joined <strong>{status.address}</strong> as {status.person.name} ({status.person.role}) —{' '}
            {status.online ? 'connected' : 'offline; edits are kept here and sent when the desk is back'}.
          </p>
          <MoveAllToDesk />
          {status.person.role === 'editor' && <InviteForm />}
          <DeskPeopleList me={status.person} />
        </>
      ) : (
        status && <JoinForm />
      )}
    </section>
  );
}

function JoinForm() {
  const client = useClient();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.call('desk:join', { address, code, ...(name.trim() ? { name } : {}) });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="target-form" aria-label="Join a newsroom desk" onSubmit={(event) => void join(event)}>
      <p className="hint">
        Share stories, comments and review with your newsroom. Without a desk, Copydesk works on this machine
        alone.
      </p>
      <label className="field">
        <span>Desk address</span>
        <input
          type="url"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          placeholder="http://desk.example:4780"
          required
          spellCheck={false}
        />
      </label>
      <label className="field">
        <span>Invitation code</span>
        <input
          value={code}
          onChange={(event) => setCode(event.target.value)}
          placeholder="ABCDE-FGHJK-MNPQR-STVWX"
          required
          autoComplete="off"
          spellCheck={false}
        />
      </label>
      <label className="field">
        <span>Your name (optional)</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="As on the invitation"
          maxLength={120}
        />
      </label>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Joining…' : 'Join desk'}
      </button>
    </form>
  );
}

/** Stories written before joining stay on this machine until moved; this moves them all at once. */
function MoveAllToDesk() {
  const client = useClient();
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const moveAll = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const { moved, left } = await client.call('desk:shareAll', {});
      setResult(
        moved === 0 && left === 0
          ? 'Every story here is on the desk already.'
          : `${moved} ${moved === 1 ? 'story' : 'stories'} moved to the desk` +
              (left > 0
                ? `; ${left} could not be moved now (the desk stopped answering), try again later.`
                : '.'),
      );
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="target-form">
      <p className="hint">
        Stories written on this machine before it joined are seen by nobody else until moved.
      </p>
      <button type="button" className="button-quiet" disabled={busy} onClick={() => void moveAll()}>
        {busy ? 'Moving…' : 'Move all my stories to the desk'}
      </button>
      {result && (
        <p role="status" className="banner banner-ok">
          {result}
        </p>
      )}
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
    </div>
  );
}

function InviteForm() {
  const client = useClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [invitation, setInvitation] = useState<{ code: string; name: string; role: Role } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setInvitation(await client.call('desk:invite', { name, role }));
      setName('');
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <form className="target-form" aria-label="Invite someone" onSubmit={(event) => void invite(event)}>
      <h3>Invite someone</h3>
      <div className="field-row">
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            <option value="reporter">Reporter</option>
            <option value="editor">Editor</option>
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {invitation && (
        <p role="status" className="banner banner-ok">
          Invitation for {invitation.name} ({invitation.role}): <code>{invitation.code}</code> — shown once;
          it works one time and expires in 7 days.
        </p>
      )}
      <button type="submit" className="button-primary">
        Create invitation
      </button>
    </form>
  );
}
