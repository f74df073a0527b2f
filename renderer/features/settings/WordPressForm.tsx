import { useState, type FormEvent } from 'react';
import type { ConnectionReport, Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { ApiError } from '../../api/client';

/** Adds a WordPress site or edits one; the application password is write-only. */
export function WordPressForm(props: { target?: Target; onSaved(target: Target): void; onCancel(): void }) {
  const client = useClient();
  const { target } = props;
  const [url, setUrl] = useState(target?.url ?? '');
  const [userName, setUserName] = useState(target?.userName ?? '');
  const [password, setPassword] = useState('');
  const [name, setName] = useState(target?.name ?? '');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Where discovery was redirected to; the password is sent there only once the user saves it as the URL.
  const [movedTo, setMovedTo] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const title = target ? `Edit ${target.name}` : 'Add WordPress site';

  const test = async () => {
    setBusy('test');
    setError(null);
    setMovedTo(null);
    setReport(null);
    try {
      setReport(
        await client.call('targets:test', {
          ...(target ? { id: target.id } : {}),
          url,
          userName,
          ...(password ? { password } : {}),
        }),
      );
    } catch (cause) {
      setError(errorMessage(cause));
      const moved = cause instanceof ApiError ? cause.details?.movedTo : undefined;
      setMovedTo(typeof moved === 'string' ? moved : null);
    } finally {
      setBusy(null);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('save');
    setError(null);
    try {
      const saved = await client.call('targets:save', {
        kind: 'wordpress',
        ...(target ? { id: target.id } : {}),
        name: name || report?.siteName || '',
        url,
        userName,
        ...(password ? { password } : {}),
      });
      setPassword('');
      props.onSaved(saved);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form className="target-form" aria-label={title} onSubmit={save}>
      <h3>{title}</h3>
      <label className="field">
        <span>Site URL</span>
        <input
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://news.example.com"
          required
          spellCheck={false}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>User name</span>
          <input
            value={userName}
            onChange={(event) => setUserName(event.target.value)}
            required
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span>Application password</span>
          <input
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            placeholder={target?.hasSecret ? '••• saved' : 'xxxx xxxx xxxx xxxx xxxx xxxx'}
            autoComplete="new-password"
            required={!target?.hasSecret}
          />
        </label>
      </div>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={report?.siteName || 'The site’s name'}
        />
      </label>
      <p className="hint">
        Create an application password in WordPress under Users → Profile → Application Passwords. It is
        stored encrypted and never shown again.
      </p>
      {report && (
        <p role="status" className={`banner ${report.canPublish ? 'banner-ok' : 'banner-warning'}`}>
          Connected to <strong>{report.siteName || url}</strong> as <strong>{report.userName}</strong>.{' '}
          {report.canPublish ? 'This user may publish posts.' : 'This user may not publish posts.'}
        </p>
      )}
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
          {movedTo && (
            <>
              {' '}
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  setUrl(movedTo);
                  setMovedTo(null);
                  setError(null);
                }}
              >
                Use {movedTo}
              </button>
            </>
          )}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
        <span className="spacer" />
        <button type="button" className="button-quiet" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button-primary" disabled={busy !== null}>
          Save target
        </button>
      </div>
    </form>
  );
}
