import type { StoryStatus } from '../../shared/domain/story';
import { STATUS_LABELS } from './statusLabels';
import './statusBadge.css';

/** The story's status; a story returned to the person looking at it says so ("Returned to you"). */
export function StatusBadge({ status, yours = false }: { status: StoryStatus; yours?: boolean }) {
  return (
    <span className={`status status-${status}`}>
      {status === 'returned' && yours ? 'Returned to you' : STATUS_LABELS[status]}
    </span>
  );
}
