import { useState } from 'react';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
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
