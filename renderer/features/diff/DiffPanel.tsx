import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { diffStats, diffWords } from '../../../shared/domain/diff';
import type { RevisionSummary } from '../../../shared/domain/revision';
import type { StatusChange } from '../../../shared/domain/workflow';
import { storyToText } from '../../../shared/editor';
import { callKey } from '../../api/callKey';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useQueryCall } from '../../api/useQueryCall';
import { formatWhen } from '../../components/formatTime';
import type { StorySaver } from '../stories/storySaver';
import { useSections } from '../stories/useSections';
import { comparisonBase } from './comparisonBase';
import { fieldChanges } from './fieldChanges';
import { SidePanel } from '../../components/SidePanel';
import './diff.css';

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
  const queryClient = useQueryClient();
  const revisions = useQueryCall('revisions:list', { storyId }).value ?? null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [failed, setError] = useState<string | null>(null);
  // A restore adds a revision: the pickers then list it and compare against it.
  const [loads, setLoads] = useState(0);

  // What was just typed is a revision first; the comparison starts from the lists as they are then.
  useEffect(() => {
    (async () => {
      await saver.flush();
      const [list, history] = await Promise.all([
        queryClient.fetchQuery<RevisionSummary[]>({
          queryKey: callKey('revisions:list', { storyId }),
          staleTime: 0,
        }),
        queryClient.fetchQuery<StatusChange[]>({
          queryKey: callKey('workflow:history', { storyId }),
          staleTime: 0,
        }),
      ]);
      const newest = list[0]?.n ?? 1;
      setTo(newest);
      setFrom(comparisonBase(history, list) ?? newest);
    })().catch((cause: unknown) => setError(errorMessage(cause)));
  }, [queryClient, storyId, saver, loads]);

  const older = useQueryCall('revisions:get', from === null ? null : { storyId, n: from }, {
    placeholderData: keepPreviousData,
  });
  const newer = useQueryCall('revisions:get', to === null ? null : { storyId, n: to }, {
    placeholderData: keepPreviousData,
  });
  const pair = useMemo(
    () => (older.value && newer.value ? ([older.value, newer.value] as const) : null),
    [older.value, newer.value],
  );
  const error = failed ?? older.error ?? newer.error;

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
