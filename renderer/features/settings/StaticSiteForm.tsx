import { useState, type FormEvent } from 'react';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

/** The built-in static site's folder and public address. */
export function StaticSiteForm(props: { target: Target; onSaved(): void; onCancel(): void }) {
  const client = useClient();
  const [folder, setFolder] = useState(props.target.folder);
  const [url, setUrl] = useState(props.target.url);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await client.call('targets:save', { id: props.target.id, kind: 'static', folder, url });
      props.onSaved();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  return (
    <form className="target-form" aria-label="Static site settings" onSubmit={(event) => void save(event)}>
      <label className="field">
        <span>Folder</span>
        <input
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
          required
          spellCheck={false}
        />
      </label>
      <label className="field">
        <span>Public address (optional)</span>
        <input
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://news.example.com"
          spellCheck={false}
        />
      </label>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary">
          Save
        </button>
      </div>
    </form>
  );
}
