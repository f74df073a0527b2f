import { z } from 'zod';
import { INPUT_LIMITS } from '../inputLimits';
import { Revision, RevisionSummary } from '../../domain/revision';
import { Story, StoryId } from '../../domain/story';
import { channel } from '../channel';

const ByRevision = z.object({ storyId: StoryId, n: z.number().int().positive() }).strict();

export const revisionChannels = {
  /** A story's revisions, newest first. */
  'revisions:list': channel(z.object({ storyId: StoryId }).strict(), z.array(RevisionSummary)),
  /** One revision with its fields and body, for preview. */
  'revisions:get': channel(ByRevision, Revision),
  /** "Save version": a named revision of the story as it is stored now. */
  'revisions:create': channel(
    z
      .object({ storyId: StoryId, label: z.string().trim().max(INPUT_LIMITS.revisionLabel).default('') })
      .strict(),
    RevisionSummary,
  ),
  /** Makes the story look like revision `n` again; the restore is itself a new revision. */
  'revisions:restore': channel(
    ByRevision.extend({ expectedVersion: z.number().int().positive() }).strict(),
    Story,
  ),
};
