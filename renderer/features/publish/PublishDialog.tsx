import './publish.css';
import { useEffect, useRef, useState } from 'react';
import type { Preflight } from '../../../shared/ipc/channels/publish';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { useTargets } from '../settings/useTargets';
import { JobProgressView } from './JobProgressView';
import { publishSessions, usePublishSession } from './publishSessions';
import { PreflightBlockers } from './PreflightBlockers';

type Mode = 'now' | 'schedule';

const localInputValue = (date: Date) => {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
};

/** Pre-flight check, then the job's steps and progress, ending with a link to the live page. */
export function PublishDialog(props: {
  storyId: string;
  preflight: Preflight;
  /** Sets the story's section from the dialog (saved like a change in the form), when the check asks for one. */
  onSection?(sectionId: string): void;
  /** Opens a linked story that is not published (the dialog closes). */
  onOpenStory?(storyId: string): void;
  /** Removes the links to a story from the body (saved like an edit), when the check blocks on them. */
  onUnlink?(storyId: string): void;
  onClose(): void;
}) {
  const client = useClient();
  const ref = useRef<HTMLDialogElement>(null);
  const targets = useTargets();
  const session = usePublishSession(props.storyId);
  const { preflight } = props;
  const job = session?.job ?? preflight.pendingJob;
  const [mode, setMode] = useState<Mode>('now');
  const [at, setAt] = useState(() => localInputValue(new Date(Date.now() + 3_600_000)));
  const [error, setError] = useState<string | null>(null);
  const busy = session?.starting ?? false;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const blockers = preflight.items.filter((item) => item.level === 'blocker');
  const warnings = preflight.items.filter((item) => item.level === 'warning');
  const publication = preflight.publication;
  const live = publication?.state === 'published' || publication?.state === 'scheduled';
  // An update keeps a scheduled story's time (the core sends it as scheduled again).
  const scheduledFor =
    publication?.state === 'scheduled' && publication.scheduledFor
      ? new Date(publication.scheduledFor)
      : null;
  // The title stays what the user opened, even when the story goes live while the dialog is open.
  const wasLive = session?.wasLive ?? live;
  useEffect(() => {
    if (session && session.wasLive === null) publishSessions.update(props.storyId, { wasLive: live, job });
  }, [props.storyId, session, live, job]);
  const canSchedule = preflight.target.kind === 'wordpress';
  const verb = mode === 'schedule' ? 'Schedule' : wasLive ? 'Update' : 'Publish';

  const chooseTarget = async (targetId: string | null) => {
    try {
      const next = await client.call('publish:chooseTarget', { storyId: props.storyId, targetId });
      publishSessions.update(props.storyId, {
        job: next.pendingJob,
        wasLive: next.publication?.state === 'published' || next.publication?.state === 'scheduled',
      });
      if (next.target.kind !== 'wordpress') setMode('now');
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  const start = async (action: 'publish' | 'schedule' | 'unpublish') => {
    setError(null);
    const target = { storyId: props.storyId, targetId: preflight.target.id };
    try {
      await publishSessions.start(
        client,
        action === 'schedule' ? { ...target, action, at: new Date(at).toISOString() } : { ...target, action },
      );
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog publish-dialog"
      aria-label={`${verb} to ${preflight.target.name}`}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
    >
      <h2>
        {job ? (job.action === 'unpublish' ? 'Unpublishing from' : 'Publishing to') : `${verb} to`}{' '}
        {preflight.target.name}
      </h2>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {job ? (
        <JobProgressView
          job={job}
          target={preflight.target}
          keptSchedule={scheduledFor}
          onJob={publishSessions.offer}
          onError={setError}
        />
      ) : (
        <>
          {targets.length > 1 && (
            <label className="field publish-target">
              <span>Site</span>
              <select
                value={preflight.chosenForStory ? preflight.target.id : ''}
                onChange={(event) => void chooseTarget(event.target.value || null)}
              >
                <option value="">
                  {preflight.chosenForStory
                    ? 'Newsroom default'
                    : `Newsroom default (${preflight.target.name})`}
                </option>
                {targets.map((target) => (
                  <option key={target.id} value={target.id}>
                    {target.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {scheduledFor && (
            <p className="publish-scheduled">
              Scheduled for{' '}
              <time dateTime={scheduledFor.toISOString()}>
                {scheduledFor.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </p>
          )}
          <section aria-label="Pre-flight check" className="preflight">
            {blockers.length === 0 && warnings.length === 0 && (
              <p className="preflight-ok">Ready to publish.</p>
            )}
            {blockers.length > 0 && (
              <>
                <h3>Fix before publishing</h3>
                <PreflightBlockers
                  items={blockers}
                  targetId={preflight.target.id}
                  fixes={{
                    ...(props.onSection && { onSection: props.onSection }),
                    ...(props.onOpenStory && { onOpenStory: props.onOpenStory }),
                    ...(props.onUnlink && { onUnlink: props.onUnlink }),
                  }}
                />
              </>
            )}
            {warnings.length > 0 && (
              <>
                <h3>Check</h3>
                <ul className="preflight-list" aria-label="Warnings">
                  {warnings.map((item) => (
                    <li key={`${item.code}-${item.message}`} className="preflight-warning">
                      <span aria-hidden="true">!</span> {item.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {canSchedule && (
            <fieldset className="publish-when">
              <legend>When</legend>
              <label>
                <input type="radio" name="when" checked={mode === 'now'} onChange={() => setMode('now')} />{' '}
                Now
              </label>
              <label>
                <input
                  type="radio"
                  name="when"
                  checked={mode === 'schedule'}
                  onChange={() => setMode('schedule')}
                />{' '}
                Schedule
              </label>
              {mode === 'schedule' && (
                <label className="field">
                  <span>Publish at</span>
                  <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
                </label>
              )}
            </fieldset>
          )}
        </>
      )}
      <div className="dialog-actions">
        {!job && wasLive && (
          <button
            type="button"
            className="button-quiet"
            disabled={busy}
            onClick={() => void start('unpublish')}
          >
            Unpublish
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={props.onClose}>
          {job ? 'Close' : 'Cancel'}
        </button>
        {!job && (
          <button
            type="button"
            className="button-primary"
            disabled={busy || blockers.length > 0}
            onClick={() => void start(mode === 'schedule' ? 'schedule' : 'publish')}
          >
            {mode === 'schedule'
              ? 'Schedule'
              : scheduledFor
                ? 'Update, keep the time'
                : wasLive
                  ? 'Update now'
                  : 'Publish now'}
          </button>
        )}
      </div>
    </dialog>
  );
}
