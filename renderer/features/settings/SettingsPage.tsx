import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { StaticSiteForm } from './StaticSiteForm';
import { useTargets } from './useTargets';
import { WordPressForm } from './WordPressForm';
import './settings.css';
import { useCurrentPerson } from '../people/PersonContext';

type Editing = { kind: 'new' } | { kind: 'edit'; target: Target } | null;

/** Newsroom settings: where stories are published, and whether publishing needs approval. */
export function SettingsPage() {
  const client = useClient();
  const { targets, reload } = useTargets();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    client
      .call('settings:get', {})
      .then(setSettings)
      .catch((cause: unknown) => setError(errorMessage(cause)));
  }, [client]);

  // Sends every setting: settings:update fills the keys it is not given with their defaults.
  const update = async (changes: Partial<Settings>) => {
    try {
      setSettings(await client.call('settings:update', { ...settings, ...changes }));
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };
  const defaultId = settings?.defaultTargetId ?? 'static';

  const viewSite = async (target: Target) => {
    try {
      const { url } = await client.call('targets:viewSite', { id: target.id });
      if (url) window.open(`/${url}`, '_blank', 'noopener');
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const remove = async (target: Target) => {
    if (!window.confirm(`Remove ${target.name}? Stories already published there stay on the site.`)) return;
    try {
      await client.call('targets:remove', { id: target.id });
      if (defaultId === target.id) await update({ defaultTargetId: null });
      reload();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const isEditor = useCurrentPerson().person.role === 'editor';
  return (
    <main className="settings-pane" aria-label="Settings">
      <div className="settings-page">
        <h1>Settings</h1>
        {error && (
          <p role="alert" className="banner banner-error">
            {error} <button onClick={() => setError(null)}>Dismiss</button>
          </p>
        )}
        {!isEditor && (
          <p className="banner banner-warning">
            These settings govern the whole newsroom: only an editor can change them.
          </p>
        )}
        {/* The core refuses a reporter's changes too; this only says so before they try. */}
        <fieldset className="settings-fields" disabled={!isEditor}>
          <section className="settings-section" aria-labelledby="publish-targets-heading">
            <h2 id="publish-targets-heading">Publish targets</h2>
            <p className="hint">
              Stories publish to the default target. The built-in static site works with nothing to set up.
            </p>
            <ul className="target-list">
              {targets.map((target) => (
                <li key={target.id} className="target-card" aria-label={target.name}>
                  <div className="target-head">
                    <span className={`target-kind target-kind-${target.kind}`}>
                      {target.kind === 'static' ? 'Static site' : 'WordPress'}
                    </span>
                    <strong>{target.name}</strong>
                    {defaultId === target.id && <span className="target-default">Default</span>}
                  </div>
                  <dl className="target-details">
                    {target.kind === 'static' ? (
                      <>
                        <dt>Folder</dt>
                        <dd>{target.folder}</dd>
                        {target.url && (
                          <>
                            <dt>Address</dt>
                            <dd>{target.url}</dd>
                          </>
                        )}
                      </>
                    ) : (
                      <>
                        <dt>Site</dt>
                        <dd>{target.url}</dd>
                        <dt>User</dt>
                        <dd>{target.userName}</dd>
                        <dt>Password</dt>
                        <dd>{target.hasSecret ? '••• saved' : 'not set'}</dd>
                      </>
                    )}
                  </dl>
                  <div className="target-actions">
                    {defaultId !== target.id && (
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() =>
                          void update({ defaultTargetId: target.kind === 'static' ? null : target.id })
                        }
                      >
                        Make default
                      </button>
                    )}
                    {target.kind === 'static' && (
                      <button type="button" className="button-quiet" onClick={() => void viewSite(target)}>
                        View site
                      </button>
                    )}
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => setEditing({ kind: 'edit', target })}
                    >
                      Edit
                    </button>
                    {target.kind !== 'static' && (
                      <button type="button" className="button-quiet" onClick={() => void remove(target)}>
                        Remove
                      </button>
                    )}
                  </div>
                  {editing?.kind === 'edit' &&
                    editing.target.id === target.id &&
                    (target.kind === 'static' ? (
                      <StaticSiteForm
                        target={target}
                        onSaved={() => {
                          setEditing(null);
                          reload();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ) : (
                      <WordPressForm
                        target={target}
                        onSaved={() => {
                          setEditing(null);
                          reload();
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    ))}
                </li>
              ))}
            </ul>
            {editing?.kind === 'new' ? (
              <WordPressForm
                onSaved={() => {
                  setEditing(null);
                  reload();
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <button type="button" className="button-primary" onClick={() => setEditing({ kind: 'new' })}>
                Add WordPress site
              </button>
            )}
          </section>
          <section className="settings-section" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">Workflow</h2>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={settings?.requireApproval ?? true}
                disabled={!settings}
                onChange={(event) => {
                  const requireApproval = event.target.checked;
                  setSettings((current) => current && { ...current, requireApproval });
                  void update({ requireApproval });
                }}
              />
              Stories must be approved by an editor before they are published
            </label>
          </section>
        </fieldset>
      </div>
    </main>
  );
}
