import { useState } from 'react';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { SecretField, SiteNameField, SiteUrlField } from './SiteFields';
import { SiteFormFooter } from './SiteFormFooter';
import { useSiteForm } from './useSiteForm';

/** Adds a Ghost site or edits one; the Admin API key is write-only. */
export function GhostForm(props: { target?: Target; onSaved(target: Target): void; onCancel(): void }) {
  const client = useClient();
  const { target } = props;
  const [url, setUrl] = useState(target?.url ?? '');
  const [adminKey, setAdminKey] = useState('');
  const [name, setName] = useState(target?.name ?? '');
  const form = useSiteForm();
  const { report } = form;
  const title = target ? `Edit ${target.name}` : 'Add Ghost site';
  const key = adminKey.trim();

  const test = () =>
    form.test(() =>
      client.call('targets:test', {
        kind: 'ghost',
        ...(target ? { id: target.id } : {}),
        url,
        ...(key ? { adminKey: key } : {}),
      }),
    );

  const save = form.save(async () => {
    const saved = await client.call('targets:save', {
      kind: 'ghost',
      ...(target ? { id: target.id } : {}),
      name: name || report?.siteName || '',
      url,
      ...(key ? { adminKey: key } : {}),
    });
    setAdminKey('');
    return saved;
  }, props.onSaved);

  return (
    <form className="target-form" aria-label={title} onSubmit={save}>
      <h3>{title}</h3>
      <SiteUrlField value={url} onValue={setUrl} />
      <SecretField
        label="Admin API key"
        value={adminKey}
        onValue={setAdminKey}
        saved={Boolean(target?.hasSecret)}
        placeholder="24 hex digits:64 hex digits"
      />
      <SiteNameField value={name} onValue={setName} siteName={report?.siteName} />
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
      <SiteFormFooter
        error={form.error}
        busy={form.busy}
        onTest={() => void test()}
        onCancel={props.onCancel}
      />
    </form>
  );
}
