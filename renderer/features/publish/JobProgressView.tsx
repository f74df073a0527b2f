import type { PublishJob, PublishStep } from '../../../shared/domain/publication';
import type { Target } from '../../../shared/domain/target';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { liveHref } from './liveHref';

const STEPS: { step: PublishStep; label: string }[] = [
  { step: 'render', label: 'Render' },
  { step: 'images', label: 'Upload images' },
  { step: 'tags', label: 'Tags' },
  { step: 'send', label: 'Send' },
];
const ORDER: PublishStep[] = ['queued', 'render', 'images', 'tags', 'send', 'done'];

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function doneMessage(job: PublishJob, keptSchedule: Date | null): string {
  switch (job.action) {
    case 'unpublish':
      return 'Taken off the site.';
    case 'schedule':
      return `Scheduled for ${new Date(job.scheduledFor ?? job.updatedAt).toLocaleString()}.`;
    case 'update':
      return keptSchedule ? `Updated, still scheduled for ${keptSchedule.toLocaleString()}.` : 'Updated.';
    case 'publish':
      return 'Published.';
  }
}

/** A job's steps as a checklist, what it is waiting for, and what the user can do about it. */
export function JobProgressView(props: {
  job: PublishJob;
  target: Target;
  /** The time a scheduled story keeps when it is updated. */
  keptSchedule: Date | null;
  onJob(job: PublishJob): void;
  onError(message: string): void;
}) {
  const client = useClient();
  const { job } = props;
  const current = job.state === 'done' ? ORDER.length - 1 : ORDER.indexOf(job.progress.step);
  const stepState = (step: PublishStep) => {
    const index = ORDER.indexOf(step);
    if (index < current) return 'done';
    if (index === current)
      return job.state === 'running' ? 'active' : job.state === 'done' ? 'done' : 'stopped';
    return 'pending';
  };
  const act = (channel: 'publish:retry' | 'publish:overwrite') =>
    client
      .call(channel, { id: job.id })
      .then(props.onJob, (cause: unknown) => props.onError(errorMessage(cause)));
  const href = liveHref(job.resultUrl, client.kind);

  return (
    <div className="job-progress">
      {job.action !== 'unpublish' && (
        <ol className="job-steps" aria-label="Progress">
          {STEPS.map(({ step, label }) => {
            const state = stepState(step);
            const counts =
              step === 'images' && job.progress.step === 'images' && job.progress.total !== undefined
                ? ` ${job.progress.done ?? 0}/${job.progress.total}`
                : '';
            return (
              <li
                key={step}
                className={`job-step job-step-${state}`}
                aria-current={state === 'active' ? 'step' : undefined}
              >
                <span className="job-step-mark" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'active' ? '…' : state === 'stopped' ? '!' : '○'}
                </span>
                {label}
                {counts}
              </li>
            );
          })}
        </ol>
      )}
      <div role="status" className="job-status">
        {job.state === 'queued' && 'Queued…'}
        {job.state === 'running' && 'Sending…'}
        {job.state === 'waiting' && (
          <>
            <p>
              Waiting for {props.target.name}: {job.lastError} The job is kept and will try again at{' '}
              {timeOf(job.nextAttemptAt)}, also after a restart.
            </p>
            <button type="button" className="button-quiet" onClick={() => void act('publish:retry')}>
              Try now
            </button>
          </>
        )}
        {job.state === 'done' && (
          <p className="job-done">
            {doneMessage(job, props.keptSchedule)}{' '}
            {href && job.action !== 'unpublish' && (
              <a href={href} target="_blank" rel="noreferrer noopener">
                View live page
              </a>
            )}
            {!href && job.action !== 'unpublish' && props.target.kind === 'static' && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => void client.call('targets:viewSite', { id: props.target.id })}
              >
                View site
              </button>
            )}
          </p>
        )}
      </div>
      {(job.state === 'paused' || job.state === 'failed') && (
        <div role="alert" className="banner banner-error job-error">
          <p>{job.lastError}</p>
          <div className="banner-actions">
            {job.errorKind === 'conflict' ? (
              <button type="button" onClick={() => void act('publish:overwrite')}>
                Overwrite
              </button>
            ) : (
              <button type="button" onClick={() => void act('publish:retry')}>
                Retry
              </button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
