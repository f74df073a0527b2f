import { z } from 'zod';

export const PublishAction = z.enum(['publish', 'update', 'unpublish', 'schedule']);
export type PublishAction = z.infer<typeof PublishAction>;

export const JobState = z.enum(['queued', 'running', 'waiting', 'done', 'failed', 'paused']);
export type JobState = z.infer<typeof JobState>;

export const PublishStep = z.enum(['queued', 'render', 'images', 'tags', 'send', 'done']);
export type PublishStep = z.infer<typeof PublishStep>;

/** Where a job is: the current step and, for uploads, how many of how many. */
export const JobProgress = z.object({
  step: PublishStep,
  done: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

/** Why a job stopped: the site refused (auth, permission…), the post changed on the site, or it cannot be sent. */
export const JobErrorKind = z.enum(['network', 'auth', 'rejected', 'conflict', 'invalid']);
export type JobErrorKind = z.infer<typeof JobErrorKind>;

/** One row of the outbox. */
export const PublishJob = z.object({
  id: z.string(),
  storyId: z.string(),
  targetId: z.string(),
  action: PublishAction,
  state: JobState,
  scheduledFor: z.iso.datetime().nullable(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  errorKind: JobErrorKind.nullable(),
  progress: JobProgress,
  resultUrl: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Grows with every write of any job row: of two rows of a job, the one with the higher seq is later. */
  seq: z.number().int().nonnegative(),
});
export type PublishJob = z.infer<typeof PublishJob>;

export const PublicationState = z.enum(['published', 'scheduled', 'unpublished']);
export type PublicationState = z.infer<typeof PublicationState>;

/** A story as it stands on one target. */
export const Publication = z.object({
  storyId: z.string(),
  targetId: z.string(),
  state: PublicationState,
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  remoteModified: z.string().nullable(),
  publishedVersion: z.number().int(),
  publishedAt: z.iso.datetime(),
  scheduledFor: z.iso.datetime().nullable(),
  /** The story was edited after this publication. */
  changedSince: z.boolean(),
});
export type Publication = z.infer<typeof Publication>;

/**
 * Whether a story differs from what a publication of it sent: a newer version, or other tags (tags change
 * without a new version, as an open editor keeps saving, so they are compared as published).
 */
export function changedSincePublished(
  publication: { state: PublicationState; publishedVersion: number; tags: readonly string[] },
  story: { version: number; tags: readonly string[] },
): boolean {
  if (publication.state === 'unpublished') return false;
  if (story.version > publication.publishedVersion) return true;
  return (
    publication.tags.length !== story.tags.length ||
    publication.tags.some((tag, index) => tag !== story.tags[index])
  );
}
