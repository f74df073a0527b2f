import { useState } from 'react';
import type { Story } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { formatWhen } from '../../components/formatTime';
import { useQueryCall } from '../../api/useQueryCall';
import { FieldOverwritesNotice } from './FieldOverwritesNotice';
import { useDeskStory } from './useDeskStory';

/**
 * What the desk says about the open story, above its fields: a story only on this machine offers "Move to
 * desk"; one edited after its approval says so and offers the changes since; merged offline work is noted.
 */
export function DeskStoryNotices(props: {
  story: Story;
  onShowChangesSinceApproval(): void;
  onOpenStory(id: string): void;
}) {
  const { story } = props;
  const client = useClient();
  const { joined, desk } = useDeskStory(story.id);
  const status = useQueryCall('desk:status', {}).value;
  const isEditor = status?.joined === true && status.person.role === 'editor';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'approve' | 'publish' | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  if (!joined || !desk || story.trashedAt !== null) return null;

  const act = async (what: 'approve' | 'publish') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'approve') await client.call('desk:transition', { storyId: story.id, action: 'approve' });
      else setDraftId((await client.call('desk:publishApproved', { storyId: story.id })).draftId);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(null);
    }
  };

  const share = async () => {
    setBusy('approve');
    setError(null);
    try {
      await client.call('desk:share', { storyId: story.id });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(null);
    }
  };

  if (!desk.onDesk) {
    return (
      <section className="banner desk-notice" aria-label="Not on the desk">
        <p>
          This story is only on this machine; the newsroom does not see it.{' '}
          <button type="button" disabled={busy !== null} onClick={() => void share()}>
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
            approving again before it can be published
            {isEditor && ' — or publish the revision you approved, and the later edits go on as a draft'}.
          </p>
          <p className="banner-actions">
            <button type="button" onClick={props.onShowChangesSinceApproval}>
              Show changes since approval
            </button>
            {isEditor && (
              <>
                <button type="button" disabled={busy !== null} onClick={() => void act('approve')}>
                  {busy === 'approve' ? 'Approving…' : 'Approve the new text'}
                </button>
                <button type="button" disabled={busy !== null} onClick={() => void act('publish')}>
                  {busy === 'publish' ? 'Publishing…' : 'Publish the approved revision'}
                </button>
              </>
            )}
          </p>
          {error && (
            <p role="alert" className="workflow-error">
              {error}
            </p>
          )}
        </section>
      )}
      {draftId && (
        <p role="status" className="banner banner-ok desk-notice">
          The approved revision is on its way to the site; the edits made after the approval are in a new
          draft.{' '}
          <button type="button" onClick={() => props.onOpenStory(draftId)}>
            Open the draft
          </button>
        </p>
      )}
      <FieldOverwritesNotice storyId={story.id} overwrites={desk.overwrites} />
      {desk.mergedOfflineAt !== null && (
        <p className="hint desk-merged" role="note">
          Work done offline on this machine was merged with the desk’s copy{' '}
          {formatWhen(new Date(desk.mergedOfflineAt).toISOString())}.
        </p>
      )}
    </>
  );
}
