import { z } from 'zod';
import { INPUT_LIMITS } from '../inputLimits';
import { StoryId, Story } from '../../domain/story';
import { QueueItem, StatusChange, WorkflowAction } from '../../domain/workflow';
import { channel, NoInput } from '../channel';

export const WorkflowTransitionInput = z
  .object({
    storyId: StoryId,
    action: WorkflowAction,
    expectedVersion: z.number().int().positive(),
    note: z
      .string()
      .trim()
      .max(INPUT_LIMITS.returnNote, `At most ${INPUT_LIMITS.returnNote} characters`)
      .default(''),
  })
  .strict();
export type WorkflowTransitionInput = z.input<typeof WorkflowTransitionInput>;

export const workflowChannels = {
  /**
   * Submit, approve, return (with a note), send back to draft, spike or restore a story as the current
   * person; refused with `forbidden` for the wrong role and `conflict` from the wrong status or version.
   */
  'workflow:transition': channel(WorkflowTransitionInput, Story),
  /** A story's status changes, newest first: who, when, from where to where, the note, the revision. */
  'workflow:history': channel(z.object({ storyId: StoryId }).strict(), z.array(StatusChange)),
  /** Stories in review, oldest submission first (editors only). */
  'workflow:queue': channel(NoInput, z.array(QueueItem)),
  /** For an approved story: the revision the editor approved, and whether it was edited after (then it needs approving again). */
  'workflow:approval': channel(
    z.object({ storyId: StoryId }).strict(),
    z.object({ revision: z.number().int().positive().nullable(), changedSinceApproval: z.boolean() }),
  ),
};
