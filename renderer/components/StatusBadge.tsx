import type { StoryStatus } from '../../shared/domain/story';
import { STATUS_LABELS } from './statusLabels';
import './statusBadge.css';

export function StatusBadge({ status }: { status: StoryStatus }) {
  return <span className={`status status-${status}`}>{STATUS_LABELS[status]}</span>;
}
