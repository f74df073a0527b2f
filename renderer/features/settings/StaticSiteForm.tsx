import { useState, type FormEvent } from 'react';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { InputField } from '../../components/InputField';
import { SiteUrlField } from './SiteFields';

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
      <InputField label="Folder" value={folder} onValue={setFolder} required spellCheck={false} />
      <SiteUrlField label="Public address (optional)" value={url} onValue={setUrl} required={false} />
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
