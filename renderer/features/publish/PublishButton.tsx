import type { PublishJob } from '../../../shared/domain/publication';
import { ChangedSincePublishedBadge } from './ChangedSincePublishedBadge';
import { PublishDialog } from './PublishDialog';
import { publishSessions, useLatestJob, usePublishSession } from './publishSessions';
import { usePreflight } from './usePreflight';

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** What the toolbar says about the story's unfinished or failed job, and why, for its chip. */
function jobChip(job: PublishJob, site: string): { text: string; reason: string; tone: string } {
  const reason = `${site}: ${job.lastError ?? ''}`.trim();
  switch (job.state) {
    case 'queued':
    case 'running':
      return { text: 'Sending…', reason: `Sending to ${site}`, tone: 'busy' };
    case 'waiting':
      return {
        text: 'Waiting to send',
        reason: `${reason} Next try at ${timeOf(job.nextAttemptAt)}.`,
        tone: 'wait',
      };
    case 'paused':
      return {
        text: job.errorKind === 'conflict' ? 'Needs your decision' : 'Publish stopped',
        reason,
        tone: 'stop',
      };
    default:
      return {
        text: job.action === 'unpublish' ? 'Unpublish failed' : 'Publish failed',
        reason,
        tone: 'stop',
      };
  }
}

/**
 * The editor toolbar's Publish (or Update) button, with a "changed since published" badge and a chip for
 * the story's job on its site while it is unfinished or after it failed (from the job store, which follows
 * publish:progress); the chip opens the dialog, which shows the job. A pre-flight that cannot be had says why.
 */
export function PublishButton(props: {
  storyId: string;
  flush(): Promise<void>;
  /** Sets the story's section (the pre-flight's fix for a missing one); resolves once it is saved. */
  onSection?(sectionId: string): Promise<void>;
  /** Opens another story (a linked one the pre-flight says is not published). */
  onOpenStory?(storyId: string): void;
  /** Removes the body's links to a story and saves; resolves once it is saved. */
  onUnlink?(storyId: string): Promise<void>;
}) {
  const { preflight, error, refresh } = usePreflight(props.storyId);
  const { onSection, onOpenStory, onUnlink } = props;
  const open = usePublishSession(props.storyId) !== undefined;
  const publication = preflight?.publication;
  const live = publication?.state === 'published' || publication?.state === 'scheduled';
  const openDialog = () => {
    void props.flush().finally(refresh);
    publishSessions.open(props.storyId);
  };
  const latest = useLatestJob(props.storyId);
  const job = latest?.targetId === preflight?.target.id && latest?.state !== 'done' ? latest : null;
  const chip = job && preflight ? jobChip(job, preflight.target.name) : null;
  return (
    <span className="publish-control">
      {publication?.changedSince && (
        <ChangedSincePublishedBadge title={`Edited after it was published on ${preflight?.target.name}`} />
      )}
      {chip && (
        <button
          type="button"
          className={`publish-job-chip publish-job-chip-${chip.tone}`}
          title={chip.reason}
          onMouseDown={(event) => event.preventDefault()}
          onClick={openDialog}
        >
          {chip.text}
        </button>
      )}
      <button
        type="button"
        className="button-primary publish-button"
        title={preflight ? `${live ? 'Update on' : 'Publish to'} ${preflight.target.name}` : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={openDialog}
      >
        {live ? 'Update' : 'Publish'}
      </button>
      {open && !preflight && error && (
        <span role="alert" className="banner banner-error">
          Cannot check this story for publishing: {error}{' '}
          <button type="button" onClick={() => publishSessions.close(props.storyId)}>
            Dismiss
          </button>
        </span>
      )}
      {open && preflight && (
        <PublishDialog
          storyId={props.storyId}
          preflight={preflight}
          {...(onSection ? { onSection: (id: string) => void onSection(id).then(refresh) } : {})}
          {...(onUnlink ? { onUnlink: (id: string) => void onUnlink(id).then(refresh) } : {})}
          {...(onOpenStory && {
            onOpenStory: (id: string) => {
              publishSessions.close(props.storyId);
              onOpenStory(id);
            },
          })}
          onClose={() => publishSessions.close(props.storyId)}
        />
      )}
    </span>
  );
}
