import { publicationDates } from './publicationDates';
import { retryDelay } from '../../shared/domain/publishJob';
import type { Story } from '../../shared/domain/story';
import { AppError } from '../../shared/ipc/errors';
import type { PublicationQueries } from '../db/queries/publicationQueries';
import type { PublishJobRecord } from '../db/queries/publishJobQueries';
import type { TargetRecord } from '../db/queries/targetQueries';
import type { PublicationStatus } from './publicationStatus';
import type { PublishJobStore } from './publishJobStore';
import { PublishError } from './publishError';
import type { PublishRequests } from './publishRequests';
import type { TargetAdapter } from './targetAdapter';

export interface PublishRunnerDeps {
  store: PublishJobStore;
  publications: PublicationQueries;
  status: PublicationStatus;
  requests: PublishRequests;
  getStory(id: string): Story;
  getTarget(id: string): TargetRecord;
  adapterOf(target: TargetRecord): TargetAdapter;
  /**
   * Runs `fn` as one database transaction that does not wait for the disk. It records a finished job: lost to
   * a power cut, the job is back as claimed and sent (the claim did wait), and its retry finds the post on the
   * site (by its slug) instead of sending it again.
   */
  recordSent<T>(fn: () => T): T;
  now: () => Date;
}

/** What a sent job leaves to record once the site has answered: the post's URL and the local writes. */
interface Sent {
  url: string | null;
  record(): void;
}

/** Why a job failed, as a PublishError: a missing story or target cannot be sent, anything unexpected neither. */
export function classifyFailure(error: unknown): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof AppError && error.code === 'not-found')
    return new PublishError('invalid', error.message);
  return new PublishError('invalid', `Publishing failed: ${(error as Error).message}`);
}

/** Sends one outbox job to its target and records the outcome on the job and the publication. */
export function createPublishRunner(deps: PublishRunnerDeps) {
  const { store, publications, status, now } = deps;

  /** Sends the job; resolves with the URL of the post (null when there was nothing to take down). */
  const send = async (
    job: PublishJobRecord,
    progress: (p: PublishJobRecord['progress']) => void,
  ): Promise<Sent> => {
    const target = deps.getTarget(job.targetId);
    const story = deps.getStory(job.storyId);
    const previous = publications.get(story.id, target.id);
    const adapter = deps.adapterOf(target);
    if (job.action === 'unpublish') {
      if (!previous || previous.state === 'unpublished') return { url: null, record: () => undefined };
      progress({ step: 'send' });
      const { remoteModified } = await adapter.unpublish({ storyId: story.id, previous });
      return {
        url: previous.remoteUrl,
        record() {
          publications.save({
            ...previous,
            state: 'unpublished',
            remoteModified: remoteModified ?? previous.remoteModified,
          });
          status.markOffIfNowhere(story.id, target.name);
        },
      };
    }
    const request = deps.requests.build(job, story, previous, progress);
    const result = await adapter.publish(request);
    const { scheduledFor } = request;
    return {
      url: result.remoteUrl,
      record() {
        // Edits saved while the job ran are not published.
        const publishedVersion = scheduledFor
          ? story.version
          : status.markLive(story.id, target.name, story.version);
        publications.save({
          storyId: story.id,
          targetId: target.id,
          state: scheduledFor ? 'scheduled' : 'published',
          remoteId: result.remoteId,
          remoteUrl: result.remoteUrl,
          remoteModified: result.remoteModified,
          publishedVersion,
          ...publicationDates(previous, request.snapshot, now().getTime()),
          scheduledFor: scheduledFor?.getTime() ?? null,
          snapshot: request.snapshot,
        });
      },
    };
  };

  return {
    /**
     * Marks the job running (counting the attempt) before any network call, sends it, then records how it
     * ended: the publication, the story's status and the finished job in one transaction.
     */
    async runJob(claimed: PublishJobRecord): Promise<void> {
      let job = store.apply(claimed, { type: 'claim' });
      try {
        const sent = await send(job, (progress) => {
          job = store.apply(job, { type: 'progress', progress });
        });
        deps.recordSent(() => {
          sent.record();
          store.apply(job, { type: 'sent', url: sent.url });
        });
      } catch (error) {
        const failure = classifyFailure(error);
        store.apply(job, {
          type: 'failed',
          kind: failure.kind,
          message: failure.message,
          retryAt: now().getTime() + retryDelay(job.attempts),
        });
      }
    },
  };
}

export type PublishRunner = ReturnType<typeof createPublishRunner>;
