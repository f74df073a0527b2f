import type { StoryStatus } from '../../shared/domain/story';

export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  returned: 'Returned',
  approved: 'Approved',
  published: 'Published',
  spiked: 'Spiked',
};
