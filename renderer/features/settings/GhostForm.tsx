import { useState, type FormEvent } from 'react';
import type { ConnectionReport, Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

/** Adds a Ghost site or edits one; the Admin API key is write-only. */
export function GhostForm(props: { target?: Target; onSaved(target: Target): void; onCancel(): void }) {
  const client = useClient();
  const { target } = props;
  const [url, setUrl] = useState(target?.url ?? '');
  const [adminKey, setAdminKey] = useState('');
  const [name, setName] = useState(target?.name ?? '');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const title = target ? `Edit ${target.name}` : 'Add Ghost site';
  const key = adminKey.trim();

  const test = async () => {
    setBusy('test');
    setError(null);
    setReport(null);
    try {
      setReport(
        await client.call('targets:test', {
          kind: 'ghost',
          ...(target ? { id: target.id } : {}),
          url,
          ...(key ? { adminKey: key } : {}),
        }),
      );
    } catch (cause) {
      setError(errorMessage(cause));
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
        kind: 'ghost',
        ...(target ? { id: target.id } : {}),
        name: name || report?.siteName || '',
        url,
        ...(key ? { adminKey: key } : {}),
      });
      setAdminKey('');
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
      <label className="field">
        <span>Admin API key</span>
        <input
          type="password"
          value={adminKey}
          onChange={(event) => setAdminKey(event.target.value)}
          placeholder={target?.hasSecret ? '••• saved' : '24 hex digits:64 hex digits'}
          autoComplete="new-password"
          spellCheck={false}
          required={!target?.hasSecret}
        />
      </label>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={report?.siteName || 'The site’s name'}
        />
      </label>
      <p className="hint">
        In Ghost Admin, open Settings → Integrations → Add custom integration and copy its Admin API key. It
        is stored encrypted and never shown again.
      </p>
      {report && (
        <p role="status" className={`banner ${report.canPublish ? 'banner-ok' : 'banner-warning'}`}>
          Connected to <strong>{report.siteName || url}</strong>
          {report.userName ? (
            <>
              {' '}
              as <strong>{report.userName}</strong>
            </>
          ) : null}
          . {report.canPublish ? 'This key may publish posts.' : 'This key may not publish posts.'}
        </p>
      )}
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
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
