import { useEffect, useState } from 'react';
import type { Story } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';

/** Whether the approved story was edited after its approval (by anyone, in any window); false otherwise. */
export function useChangedSinceApproval(story: Pick<Story, 'id' | 'status'>): boolean {
  const client = useClient();
  const [changed, setChanged] = useState(false);
  const approved = story.status === 'approved';
  useEffect(() => {
    if (!approved) return;
    let current = true;
    const load = () =>
      client
        .call('workflow:approval', { storyId: story.id })
        .then((approval) => current && setChanged(approval.changedSinceApproval))
        .catch(() => undefined);
    load();
    const off = client.on('stories:changed', (event) => event.id === story.id && void load());
    return () => {
      current = false;
      off();
    };
  }, [client, story.id, approved]);
  return approved && changed;
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
