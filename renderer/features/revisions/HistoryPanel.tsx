import { useState } from 'react';
import type { Revision, RevisionSummary } from '../../../shared/domain/revision';
import { storyToHtml } from '../../../shared/editor';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { formatFull, formatWhen } from '../../components/formatTime';
import type { StorySaver } from '../stories/storySaver';
import { SidePanel } from '../../components/SidePanel';
import { LIMITS } from '../../components/fieldLimits';
import './history.css';

const REASONS: Record<RevisionSummary['reason'], string> = {
  created: 'Created',
  autosave: 'Edits',
  manual: 'Saved version',
  restore: 'Restored',
  status: 'Status change',
};

function WordDelta({ delta }: { delta: number }) {
  if (delta === 0) return <span className="delta">±0 words</span>;
  return (
    <span
      className={delta > 0 ? 'delta delta-up' : 'delta delta-down'}
    >{`${delta > 0 ? '+' : '−'}${Math.abs(delta)} words`}</span>
  );
}

/** The story's revisions: preview one, restore it (itself a new revision), or save a named version. */
export function HistoryPanel(props: {
  storyId: string;
  saver: StorySaver;
  onRestored(): void;
  onClose(): void;
}) {
  const { storyId, saver } = props;
  const client = useClient();
  // Saves here and elsewhere add and fold revisions; the cached list is stale after each.
  const loaded = useQueryCall('revisions:list', { storyId });
  const revisions = loaded.value ?? null;
  const [preview, setPreview] = useState<Revision | null>(null);
  const [label, setLabel] = useState('');
  const [failed, setError] = useState<string | null>(null);
  const error = failed ?? loaded.error;

  const run = async (work: () => Promise<void>) => {
    try {
      setError(null);
      await work();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const saveVersion = () =>
    run(async () => {
      await saver.flush();
      await client.call('revisions:create', { storyId, label });
      setLabel('');
    });

  const restore = (n: number) =>
    run(async () => {
      await saver.flush();
      const story = await client.call('revisions:restore', { storyId, n, expectedVersion: saver.version });
      saver.reset(story.version);
      setPreview(null);
      props.onRestored();
    });

  const open = (n: number) => run(async () => setPreview(await client.call('revisions:get', { storyId, n })));

  return (
    <SidePanel title="History" onClose={props.onClose}>
      <form
        className="save-version"
        onSubmit={(event) => {
          event.preventDefault();
          void saveVersion();
        }}
      >
        <input
          aria-label="Version name"
          maxLength={LIMITS.revisionLabel}
          placeholder="Version name"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="button-quiet">
          Save version
        </button>
      </form>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {preview ? (
        <section className="revision-preview" aria-label={`Revision ${preview.n}`}>
          <div className="revision-preview-actions">
            <button type="button" className="button-quiet" onClick={() => setPreview(null)}>
              Back to list
            </button>
            <button type="button" className="button-primary" onClick={() => void restore(preview.n)}>
              Restore this version
            </button>
          </div>
          <p className="revision-meta">
            {REASONS[preview.reason]} · {formatFull(preview.updatedAt)}
            {preview.author && ` · ${preview.author}`}
          </p>
          <h3 className="preview-headline">{preview.fields.headline || 'Untitled story'}</h3>
          {preview.fields.standfirst && <p className="preview-standfirst">{preview.fields.standfirst}</p>}
          <div
            className="preview-body"
            dangerouslySetInnerHTML={{ __html: storyToHtml(preview.fields.body) }}
          />
        </section>
      ) : (
        <ol className="revision-list">
          {revisions?.map((revision) => (
            <li key={revision.n}>
              <button type="button" className="revision-row" onClick={() => void open(revision.n)}>
                <span className="revision-title">
                  {revision.label || REASONS[revision.reason]}{' '}
                  <span className="revision-n">#{revision.n}</span>
                </span>
                <span className="revision-meta">
                  <time dateTime={revision.updatedAt} title={formatFull(revision.updatedAt)}>
                    {formatWhen(revision.updatedAt)}
                  </time>
                  {revision.author && <span>{revision.author}</span>}
                  <span>{revision.wordCount} words</span>
                  <WordDelta delta={revision.wordDelta} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </SidePanel>
  );
}
