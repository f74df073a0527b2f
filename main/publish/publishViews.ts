import { changedSincePublished, type Publication, type PublishJob } from '../../shared/domain/publication';
import type { Story } from '../../shared/domain/story';
import type { PublicationRecord } from '../db/queries/publicationQueries';
import type { PublishJobRecord } from '../db/queries/publishJobQueries';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** An outbox row as it crosses the contract. */
export const toJob = (job: PublishJobRecord): PublishJob => ({
  id: job.id,
  storyId: job.storyId,
  targetId: job.targetId,
  action: job.action,
  state: job.state,
  scheduledFor: isoOrNull(job.scheduledFor),
  attempts: job.attempts,
  nextAttemptAt: iso(job.nextAttemptAt),
  lastError: job.lastError,
  errorKind: job.errorKind,
  progress: job.progress,
  resultUrl: job.resultUrl,
  createdAt: iso(job.createdAt),
  updatedAt: iso(job.updatedAt),
  seq: job.seq,
});

/** A publication as it crosses the contract, compared with the story as it stands (`tags` in its order). */
export const toPublication = (
  record: PublicationRecord,
  story: Pick<Story, 'version'>,
  tags: readonly string[],
): Publication => ({
  storyId: record.storyId,
  targetId: record.targetId,
  state: record.state,
  remoteId: record.remoteId,
  remoteUrl: record.remoteUrl,
  remoteModified: record.remoteModified,
  publishedVersion: record.publishedVersion,
  publishedAt: iso(record.publishedAt),
  scheduledFor: isoOrNull(record.scheduledFor),
  changedSince: changedSincePublished(
    { state: record.state, publishedVersion: record.publishedVersion, tags: record.snapshot.tags ?? [] },
    { version: story.version, tags },
  ),
});
