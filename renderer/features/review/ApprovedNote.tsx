import type { Story } from '../../../shared/domain/story';
import { useQueryCall } from '../../api/useQueryCall';
import { formatFull, formatWhen } from '../../components/formatTime';
import './review.css';

/** Who approved the open story and when, at the top of the form while it is approved (solo and on the desk). */
export function ApprovedNote({ story }: { story: Story }) {
  const approved = story.status === 'approved';
  const { value: history } = useQueryCall('workflow:history', approved ? { storyId: story.id } : null);
  // Newest first; a story taken off its site is approved again without a new approval.
  const approval = approved ? history?.find((change) => change.action === 'approve') : undefined;
  if (!approval) return null;
  return (
    <p className="hint approved-note" role="note">
      Approved by <strong>{approval.person || 'an editor'}</strong>{' '}
      <time dateTime={approval.at} title={formatFull(approval.at)}>
        {formatWhen(approval.at)}
      </time>
      .
    </p>
  );
}
