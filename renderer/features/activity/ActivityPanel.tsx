import { useEffect, useState } from 'react';
import type { ActivityEntry } from '../../../shared/domain/activity';
import { useClient } from '../../api/ClientContext';
import { useCall } from '../../api/useCall';
import { formatFull, formatWhen } from '../../components/formatTime';
import { SidePanel } from '../../components/SidePanel';

const ICONS: Record<ActivityEntry['kind'], string> = {
  created: '✚',
  saved: '✎',
  status: '⇢',
  comment: '“',
  publish: '↑',
};

/** The story's timeline: saves (coalesced), status changes, comments and publishes, newest first. */
export function ActivityPanel(props: { storyId: string; onClose(): void }) {
  const client = useClient();
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const reload = (storyId: string) => storyId === props.storyId && setGeneration((n) => n + 1);
    const offs = [
      client.on('stories:changed', (event) => reload(event.id)),
      client.on('comments:changed', (event) => reload(event.storyId)),
      client.on('publish:progress', (job) => job.state === 'done' && reload(job.storyId)),
    ];
    return () => offs.forEach((off) => off());
  }, [client, props.storyId]);
  const { value: entries, error } = useCall('activity:list', { storyId: props.storyId }, generation);

  return (
    <SidePanel title="Activity" className="activity-panel" onClose={props.onClose}>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <ol className="activity-list">
        {entries?.map((entry) => (
          <li key={entry.id} className={`activity activity-${entry.kind}`}>
            <span className="activity-icon" aria-hidden="true">
              {ICONS[entry.kind]}
            </span>
            <span className="activity-body">
              <span className="activity-summary">
                <strong>{entry.actor || 'Someone'}</strong>{' '}
                {entry.summary.charAt(0).toLowerCase() + entry.summary.slice(1)}
                {entry.count > 1 && ` (${entry.count} saves)`}
              </span>
              <time dateTime={entry.updatedAt} title={formatFull(entry.updatedAt)}>
                {formatWhen(entry.updatedAt)}
              </time>
            </span>
          </li>
        ))}
      </ol>
    </SidePanel>
  );
}
