import { useState } from 'react';
import type { Story } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { formatWhen } from '../../components/formatTime';
import { useDeskStory } from './useDeskStory';

/**
 * What the desk says about the open story, above its fields: a story only on this machine offers "Move to
 * desk"; one edited after its approval says so and offers the changes since; merged offline work is noted.
 */
export function DeskStoryNotices(props: { story: Story; onShowChangesSinceApproval(): void }) {
  const { story } = props;
  const client = useClient();
  const { joined, desk } = useDeskStory(story.id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!joined || !desk || story.trashedAt !== null) return null;

  const share = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('desk:share', { storyId: story.id });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  if (!desk.onDesk) {
    return (
      <section className="banner desk-notice" aria-label="Not on the desk">
        <p>
          This story is only on this machine; the newsroom does not see it.{' '}
          <button type="button" disabled={busy} onClick={() => void share()}>
            {busy ? 'Moving…' : 'Move to desk'}
          </button>
        </p>
        {error && (
          <p role="alert" className="workflow-error">
            {error}
          </p>
        )}
      </section>
    );
  }

  return (
    <>
      {desk.changedAfterApproval && story.status !== 'approved' && story.status !== 'published' && (
        <section className="banner banner-warning desk-notice" aria-label="Changed after approval">
          <p>
            <strong>Changed after approval.</strong> It was edited after the editor approved it, so it needs
            approving again before it can be published.{' '}
            <button type="button" onClick={props.onShowChangesSinceApproval}>
              Show changes since approval
            </button>
          </p>
        </section>
      )}
      {desk.mergedOfflineAt !== null && (
        <p className="hint desk-merged" role="note">
          Work done offline on this machine was merged with the desk’s copy{' '}
          {formatWhen(new Date(desk.mergedOfflineAt).toISOString())}.
        </p>
      )}
    </>
  );
}
