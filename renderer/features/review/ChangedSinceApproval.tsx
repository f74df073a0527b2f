import type { Story } from '../../../shared/domain/story';
import { useQueryCall } from '../../api/useQueryCall';

/** Whether the approved story was edited after its approval (by anyone, in any window); false otherwise. */
export function useChangedSinceApproval(story: Pick<Story, 'id' | 'status'>): boolean {
  const approved = story.status === 'approved';
  const approval = useQueryCall('workflow:approval', approved ? { storyId: story.id } : null);
  return approved && approval.value?.changedSinceApproval === true;
}

/** "Changed since approval" beside the status: publishing now would need a new approval. */
export function ChangedSinceApprovalBadge() {
  return (
    <span
      className="changed-since-approval"
      title="Edited after the editor approved it; it needs approving again"
    >
      Changed<span className="badge-more"> since approval</span>
    </span>
  );
}
