import type { StoryStatus } from '../../shared/domain/story';

const LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  returned: 'Returned',
  approved: 'Approved',
  published: 'Published',
  spiked: 'Spiked',
};

export function StatusBadge({ status }: { status: StoryStatus }) {
  return <span className={`status status-${status}`}>{LABELS[status]}</span>;
}
