import { useState } from 'react';
import type { Settings } from '../../../shared/domain/settings';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { DeskSettings } from '../desk/DeskSettings';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { BackupsSection } from './BackupsSection';
import { GhostForm } from './GhostForm';
import { StaticSiteForm } from './StaticSiteForm';
import { useTargets } from './useTargets';
import { WordPressForm } from './WordPressForm';
import './settings.css';
import { useCurrentPerson } from '../people/PersonContext';

type Editing = { kind: 'new'; site: 'wordpress' | 'ghost' } | { kind: 'edit'; target: Target } | null;

const KIND_LABEL: Record<Target['kind'], string> = {
  static: 'Static site',
  wordpress: 'WordPress',
  ghost: 'Ghost',
};

/** Newsroom settings: where stories are published, and whether publishing needs approval. */
export function SettingsPage() {
  const client = useClient();
  // The box shows the click at once; the stored setting arrives with the answer.
  const [chosenApproval, setChosenApproval] = useState<boolean | null>(null);
  const targets = useTargets();
  const stored = useQueryCall('settings:get', {});
  const settings = stored.value ?? null;
  const [editing, setEditing] = useState<Editing>(null);
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? stored.error;

  // Sends every setting: settings:update fills the keys it is not given with their defaults.
  const update = async (changes: Partial<Settings>): Promise<Settings | null> => {
    try {
      return await client.call('settings:update', { ...settings, ...changes });
    } catch (cause) {
      setError(errorMessage(cause));
      return null;
    }
  };
  const defaultId = settings?.defaultTargetId ?? 'static';
  const closeForm = () => setEditing(null);

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
                      {KIND_LABEL[target.kind]}
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
                    ) : target.kind === 'ghost' ? (
                      <>
                        <dt>Site</dt>
                        <dd>{target.url}</dd>
                        <dt>Admin API key</dt>
                        <dd>{target.hasSecret ? '••• saved' : 'not set'}</dd>
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
                      <StaticSiteForm target={target} onSaved={closeForm} onCancel={() => setEditing(null)} />
                    ) : target.kind === 'ghost' ? (
                      <GhostForm target={target} onSaved={closeForm} onCancel={() => setEditing(null)} />
                    ) : (
                      <WordPressForm target={target} onSaved={closeForm} onCancel={() => setEditing(null)} />
                    ))}
                </li>
              ))}
            </ul>
            {editing?.kind === 'new' && editing.site === 'wordpress' ? (
              <WordPressForm onSaved={closeForm} onCancel={() => setEditing(null)} />
            ) : editing?.kind === 'new' ? (
              <GhostForm onSaved={closeForm} onCancel={() => setEditing(null)} />
            ) : (
              <div className="target-actions">
                <button
                  type="button"
                  className="button-primary"
                  onClick={() => setEditing({ kind: 'new', site: 'wordpress' })}
                >
                  Add WordPress site
                </button>
                <button
                  type="button"
                  className="button-primary"
                  onClick={() => setEditing({ kind: 'new', site: 'ghost' })}
                >
                  Add Ghost site
                </button>
              </div>
            )}
          </section>
          <section className="settings-section" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">Workflow</h2>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={chosenApproval ?? settings?.requireApproval ?? true}
                disabled={!settings}
                onChange={(event) => {
                  const requireApproval = event.target.checked;
                  setChosenApproval(requireApproval);
                  void update({ requireApproval }).then((stored) => !stored && setChosenApproval(null));
                }}
              />
              Stories must be approved by an editor before they are published
            </label>
          </section>
        </fieldset>
        <DeskSettings />
        <BackupsSection />
      </div>
    </main>
  );
}
