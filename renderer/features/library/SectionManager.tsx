import { useState, type FormEvent } from 'react';
import type { Section } from '../../../shared/domain/section';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { RenameDialog } from '../../components/RenameDialog';
import { LIMITS } from '../../components/fieldLimits';
import './library.css';

/** The newsroom's sections: add one, rename, and move them up or down the desk order. */
export function SectionManager() {
  const client = useClient();
  const loaded = useQueryCall('sections:list', {});
  const sections = loaded.value ?? [];
  const [name, setName] = useState('');
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;
  const [renaming, setRenaming] = useState<Section | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await client.call('sections:create', { name });
      setName('');
    });
  };

  const move = (index: number, by: -1 | 1) => {
    const ids = sections.map((section) => section.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    void run(() => client.call('sections:reorder', { ids }));
  };

  return (
    <section className="manager" aria-labelledby="section-manager-title">
      <header className="manager-header">
        <h2 id="section-manager-title">Sections</h2>
      </header>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      <ol className="section-order">
        {sections.map((section, index) => (
          <li key={section.id}>
            <span className="section-name">{section.name}</span>
            <button
              className="button-quiet button-small"
              aria-label={`Move ${section.name} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            >
              ↑
            </button>
            <button
              className="button-quiet button-small"
              aria-label={`Move ${section.name} down`}
              disabled={index === sections.length - 1}
              onClick={() => move(index, 1)}
            >
              ↓
            </button>
            <button
              className="button-quiet button-small"
              aria-label={`Rename ${section.name}`}
              onClick={() => setRenaming(section)}
            >
              Rename
            </button>
          </li>
        ))}
      </ol>
      <form className="section-create" onSubmit={create}>
        <label className="field">
          <span>New section</span>
          <input
            value={name}
            maxLength={LIMITS.sectionName}
            placeholder="e.g. Local news"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit" className="button-primary" disabled={!name.trim()}>
          Add section
        </button>
      </form>
      {renaming && (
        <RenameDialog
          currentName={renaming.name}
          maxLength={LIMITS.sectionName}
          rename={(name) => client.call('sections:rename', { id: renaming.id, name })}
          onDone={() => {
            setRenaming(null);
          }}
        />
      )}
    </section>
  );
}
