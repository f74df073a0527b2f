import { useEffect, useMemo, useState } from 'react';
import { diffStats, diffWords } from '../../../shared/domain/diff';
import type { Revision, RevisionSummary } from '../../../shared/domain/revision';
import { storyToText } from '../../../shared/editor';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { formatWhen } from '../../components/formatTime';
import type { StorySaver } from '../stories/storySaver';
import { useSections } from '../stories/useSections';
import { comparisonBase } from './comparisonBase';
import { fieldChanges } from './fieldChanges';
import { SidePanel } from '../../components/SidePanel';

const REASONS: Record<RevisionSummary['reason'], string> = {
  created: 'Created',
  autosave: 'Edits',
  manual: 'Saved version',
  restore: 'Restored',
  status: 'Status change',
};

const revisionLabel = (r: RevisionSummary) =>
  `#${r.n} · ${r.label || REASONS[r.reason]} · ${formatWhen(r.updatedAt)}${r.author ? ` · ${r.author}` : ''}`;

/**
 * Compares two revisions word by word (by default since submitted: see comparisonBase) and restores the
 * "From" one.
 */
export function DiffPanel(props: {
  storyId: string;
  saver: StorySaver;
  onRestored(): void;
  onClose(): void;
}) {
  const { storyId, saver } = props;
  const client = useClient();
  const sections = useSections();
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [pair, setPair] = useState<[Revision, Revision] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A restore adds a revision: the pickers then list it and compare against it.
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    let current = true;
    (async () => {
      await saver.flush();
      const [list, history] = await Promise.all([
        client.call('revisions:list', { storyId }),
        client.call('workflow:history', { storyId }),
      ]);
      if (!current) return;
      const newest = list[0]?.n ?? 1;
      setRevisions(list);
      setTo(newest);
      setFrom(comparisonBase(history, list) ?? newest);
    })().catch((cause: unknown) => current && setError(errorMessage(cause)));
    return () => {
      current = false;
    };
  }, [client, storyId, saver, loads]);

  useEffect(() => {
    if (from === null || to === null) return;
    let current = true;
    Promise.all([
      client.call('revisions:get', { storyId, n: from }),
      client.call('revisions:get', { storyId, n: to }),
    ])
      .then((loaded) => current && setPair(loaded))
      .catch((cause: unknown) => current && setError(errorMessage(cause)));
    return () => {
      current = false;
    };
  }, [client, storyId, from, to]);

  const comparison = useMemo(() => {
    if (!pair) return null;
    const [a, b] = pair;
    const parts = diffWords(storyToText(a.fields.body), storyToText(b.fields.body));
    const sectionName = (id: string | null) => sections.find((s) => s.id === id)?.name ?? 'No section';
    return { parts, stats: diffStats(parts), fields: fieldChanges(a, b, sectionName) };
  }, [pair, sections]);

  const restore = async () => {
    if (from === null) return;
    try {
      await saver.flush();
      const story = await client.call('revisions:restore', {
        storyId,
        n: from,
        expectedVersion: saver.version,
      });
      saver.reset(story.version);
      setLoads((n) => n + 1);
      props.onRestored();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const picker = (label: string, value: number | null, onPick: (n: number) => void) => (
    <label className="field diff-pick">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onPick(Number(event.target.value))}>
        {revisions?.map((r) => (
          <option key={r.n} value={r.n}>
            {revisionLabel(r)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <SidePanel title="Changes" className="diff-panel" onClose={props.onClose}>
      <div className="diff-pickers">
        {picker('From', from, setFrom)}
        {picker('To', to, setTo)}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {comparison && (
        <>
          <p className="diff-summary" data-testid="diff-summary">
            <span className="diff-added">+{comparison.stats.inserted} words</span>{' '}
            <span className="diff-removed">−{comparison.stats.deleted} words</span>
            {from !== null && (
              <button type="button" className="button-quiet" onClick={() => void restore()}>
                Restore revision {from}
              </button>
            )}
          </p>
          {comparison.fields.length > 0 && (
            <dl className="diff-fields" aria-label="Changed fields">
              {comparison.fields.map((change) => (
                <div key={change.field}>
                  <dt>{change.field}</dt>
                  <dd>
                    <del>{change.before || '(empty)'}</del> <ins>{change.after || '(empty)'}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <div className="diff-body" aria-label="Body changes" role="document">
            {comparison.parts.map((part, i) =>
              part.kind === 'ins' ? (
                <ins key={i}>{part.text}</ins>
              ) : part.kind === 'del' ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </div>
        </>
      )}
    </SidePanel>
  );
}
