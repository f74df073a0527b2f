import { useState } from 'react';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { InputField } from '../../components/InputField';
import { SecretField, SiteNameField, SiteUrlField } from './SiteFields';
import { SiteFormFooter } from './SiteFormFooter';
import { useSiteForm } from './useSiteForm';

/** Adds a WordPress site or edits one; the application password is write-only. */
export function WordPressForm(props: { target?: Target; onSaved(target: Target): void; onCancel(): void }) {
  const client = useClient();
  const { target } = props;
  const [url, setUrl] = useState(target?.url ?? '');
  const [userName, setUserName] = useState(target?.userName ?? '');
  const [password, setPassword] = useState('');
  const [name, setName] = useState(target?.name ?? '');
  const form = useSiteForm();
  const { report } = form;
  const title = target ? `Edit ${target.name}` : 'Add WordPress site';

  const test = () =>
    form.test(() =>
      client.call('targets:test', {
        ...(target ? { id: target.id } : {}),
        url,
        userName,
        ...(password ? { password } : {}),
      }),
    );

  const save = form.save(async () => {
    const saved = await client.call('targets:save', {
      kind: 'wordpress',
      ...(target ? { id: target.id } : {}),
      name: name || report?.siteName || '',
      url,
      userName,
      ...(password ? { password } : {}),
    });
    setPassword('');
    return saved;
  }, props.onSaved);

  return (
    <form className="target-form" aria-label={title} onSubmit={save}>
      <h3>{title}</h3>
      <SiteUrlField value={url} onValue={setUrl} />
      <div className="field-row">
        <InputField
          label="User name"
          value={userName}
          onValue={setUserName}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <SecretField
          label="Application password"
          value={password}
          onValue={setPassword}
          saved={Boolean(target?.hasSecret)}
          placeholder="xxxx xxxx xxxx xxxx xxxx xxxx"
        />
      </div>
      <SiteNameField value={name} onValue={setName} siteName={report?.siteName} />
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
      <SiteFormFooter
        error={form.error}
        busy={form.busy}
        movedTo={form.movedTo}
        onUseAddress={(address) => {
          setUrl(address);
          form.acceptMove();
        }}
        onTest={() => void test()}
        onCancel={props.onCancel}
      />
    </form>
  );
}
