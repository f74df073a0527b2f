import { useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';

const when = (iso: string) => new Date(iso).toLocaleString();

/** The database's automatic backups: back up now, or restore one at the next start. */
export function BackupsSection() {
  const client = useClient();
  const backups = useQueryCall('backups:list', {});
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const list = backups.value ?? [];
  const selected = chosen || list[0]?.name || '';

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await action() });
    } catch (cause) {
      setMessage({ kind: 'error', text: errorMessage(cause) });
    } finally {
      setBusy(false);
    }
  };

  const restore = () =>
    run(async () => {
      const backup = list.find((candidate) => candidate.name === selected);
      if (
        !backup ||
        !window.confirm(`Restore the backup from ${when(backup.createdAt)} when Copydesk next starts?`)
      )
        return 'Nothing was changed.';
      await client.call('backups:restore', { name: backup.name });
      return `The backup from ${when(backup.createdAt)} will be restored when Copydesk next starts. Quit and start it again; today's database is kept beside it.`;
    });

  return (
    <section className="settings-section" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p className="hint">
        Copydesk backs the database up every 30 minutes and before each upgrade, keeping the last ten.
      </p>
      {backups.error && <p className="banner banner-error">{backups.error}</p>}
      {list.length > 0 ? (
        <label className="field">
          <span>Backup</span>
          <select value={selected} onChange={(event) => setChosen(event.target.value)}>
            {list.map((backup) => (
              <option key={backup.name} value={backup.name}>
                {when(backup.createdAt)} — {Math.ceil(backup.bytes / 1024)} KB
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="hint">No backup yet.</p>
      )}
      {message && (
        <p
          role={message.kind === 'ok' ? 'status' : 'alert'}
          className={`banner banner-${message.kind === 'ok' ? 'ok' : 'error'}`}
        >
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button-quiet"
          disabled={busy}
          onClick={() => void run(async () => `Backed up: ${(await client.call('backups:create', {})).name}`)}
        >
          Back up now
        </button>
        <button
          type="button"
          className="button-quiet"
          disabled={busy || !selected}
          onClick={() => void restore()}
        >
          Restore at next start…
        </button>
      </div>
    </section>
  );
}
