import type { ActivityEntry } from '../../../shared/domain/activity';
import { useQueryCall } from '../../api/useQueryCall';
import { formatFull, formatWhen } from '../../components/formatTime';
import { SidePanel } from '../../components/SidePanel';
import './activity.css';

const ICONS: Record<ActivityEntry['kind'], string> = {
  created: '✚',
  saved: '✎',
  status: '⇢',
  comment: '“',
  publish: '↑',
};

/** The story's timeline: saves (coalesced), status changes, comments and publishes, newest first. */
export function ActivityPanel(props: { storyId: string; onClose(): void }) {
  const { value: entries, error } = useQueryCall('activity:list', { storyId: props.storyId });

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
