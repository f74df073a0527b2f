import { z } from 'zod';
import { PreflightItem } from '../../domain/preflight';
import { Publication, PublishJob } from '../../domain/publication';
import { StoryId } from '../../domain/story';
import { Target } from '../../domain/target';
import { channel } from '../channel';

export const PublishTargetInput = z
  .object({ storyId: StoryId, targetId: z.string().min(1).max(64).optional() })
  .strict();

export const Preflight = z.object({
  target: Target,
  /** The target was chosen for this story rather than being the newsroom's default. */
  chosenForStory: z.boolean(),
  items: z.array(PreflightItem),
  publication: Publication.nullable(),
  /** A job of this story on this target that has not finished. */
  pendingJob: PublishJob.nullable(),
});
export type Preflight = z.infer<typeof Preflight>;

export const ChooseTargetInput = z
  .object({ storyId: StoryId, targetId: z.string().min(1).max(64).nullable() })
  .strict();

export const PublishStartInput = z
  .object({
    storyId: StoryId,
    targetId: z.string().min(1).max(64).optional(),
    action: z.enum(['publish', 'schedule', 'unpublish']).default('publish'),
    /** For `schedule`: when the story goes live. */
    at: z.iso.datetime().optional(),
  })
  .strict()
  .refine((input) => input.action !== 'schedule' || input.at !== undefined, {
    message: 'Give a date and time to schedule for',
    path: ['at'],
  });
export type PublishStartInput = z.input<typeof PublishStartInput>;

export const JobById = z.object({ id: z.string().min(1).max(64) }).strict();

export const PublishStatus = z.object({
  publications: z.array(Publication),
  jobs: z.array(PublishJob),
});

export const publishChannels = {
  /** What blocks or warns before publishing a story to a target (the story's target if none is named). */
  'publish:preflight': channel(PublishTargetInput, Preflight),
  /** Makes a story publish to one target (null: back to the default) and returns its pre-flight there. */
  'publish:chooseTarget': channel(ChooseTargetInput, Preflight),
  /** Queues a publish, schedule or unpublish job; it is stored before anything is sent. Blockers refuse it. */
  'publish:start': channel(PublishStartInput, PublishJob),
  /** A story's publications and its latest jobs. */
  'publish:status': channel(z.object({ storyId: StoryId }).strict(), PublishStatus),
  /** Sends a job paused by a conflict again, overwriting the edit made on the site. */
  'publish:overwrite': channel(JobById, PublishJob),
  /** Puts a failed or paused job back in the queue (e.g. after fixing the password). */
  'publish:retry': channel(JobById, PublishJob),
};

export const publishEvents = {
  /** A job changed: state, step, upload counts, error or the live URL. */
  'publish:progress': PublishJob,
};
