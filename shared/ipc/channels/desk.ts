import { z } from 'zod';
import { Role } from '../../domain/person';
import { StoryId, StoryStatus } from '../../domain/story';
import { SYNCED_FIELDS } from '../../domain/storyDocShape';
import { WorkflowAction } from '../../domain/workflow';
import { PublishJob } from '../../domain/publication';
import { channel, NoInput } from '../channel';

export const DeskPerson = z.object({ id: z.string(), name: z.string(), role: Role });
export type DeskPerson = z.infer<typeof DeskPerson>;

export const DeskStatus = z.union([
  z.object({ joined: z.literal(false) }),
  z.object({ joined: z.literal(true), address: z.string(), person: DeskPerson, online: z.boolean() }),
]);
export type DeskStatus = z.infer<typeof DeskStatus>;

export const DeskJoinInput = z
  .object({
    address: z
      .string()
      .trim()
      .max(300)
      .regex(/^https?:\/\/[^\s/]+\/?$/, 'A desk address looks like http://desk.example:4780'),
    code: z.string().trim().min(1, 'The invitation code is required').max(100),
    name: z.string().trim().max(120).optional(),
  })
  .strict();
export type DeskJoinInput = z.infer<typeof DeskJoinInput>;

export const DeskInviteInput = z
  .object({ name: z.string().trim().min(1, 'A name is required').max(120), role: Role })
  .strict();

export const DeskAction = z.union([WorkflowAction, z.literal('publish')]);
export type DeskAction = z.infer<typeof DeskAction>;

export const DeskPendingTransition = z.object({
  action: DeskAction,
  state: z.enum(['waiting', 'refused']),
  message: z.string().nullable(),
});

/** A field this machine showed, replaced by another machine's value written without seeing it (both changed it while apart). */
export const DeskFieldOverwrite = z.object({
  field: z.enum(SYNCED_FIELDS),
  /** The value the story has now (the other machine's). */
  kept: z.unknown(),
  /** The value it replaced, offered back. */
  lost: z.unknown(),
  at: z.number(),
});
export type DeskFieldOverwrite = z.infer<typeof DeskFieldOverwrite>;

export const DeskStoryState = z.object({
  storyId: StoryId,
  onDesk: z.boolean(),
  status: StoryStatus.nullable(),
  version: z.number().int(),
  changedAfterApproval: z.boolean(),
  /** When offline work from this machine was last merged into the desk's copy. */
  mergedOfflineAt: z.number().nullable(),
  /** The draft that edits made after the story was published or spiked went into (one per story). */
  correctionId: StoryId.nullable(),
  pending: z.array(DeskPendingTransition),
  overwrites: z.array(DeskFieldOverwrite),
});
export type DeskStoryState = z.infer<typeof DeskStoryState>;

const ByStory = z.object({ storyId: StoryId }).strict();

export const deskChannels = {
  /** Whether this install joined a newsroom desk, as whom, and whether the desk answers now. */
  'desk:status': channel(NoInput, DeskStatus),
  /** Joins the desk at `address` with a one-time invitation code; the token is kept in the secret box. */
  'desk:join': channel(DeskJoinInput, DeskStatus),
  /** Editors only: a one-time invitation (shown once) for a new person on the desk. */
  'desk:invite': channel(DeskInviteInput, z.object({ code: z.string(), name: z.string(), role: Role })),
  /** The desk's people. */
  'desk:people': channel(NoInput, z.array(DeskPerson)),
  /** Editors only: removes a person from the desk (their token stops working at once; their name stays on their work). */
  'desk:remove': channel(z.object({ personId: z.string().min(1).max(40) }).strict(), z.object({})),
  /** Moves a story written on this machine to the desk (its document is made here, once). */
  'desk:share': channel(ByStory, DeskStoryState),
  /** Moves every story still only on this machine to the desk; `left` is how many it could not take now. */
  'desk:shareAll': channel(NoInput, z.object({ moved: z.number().int(), left: z.number().int() })),
  /** The desk's word on a story, and transitions still waiting to reach it. */
  'desk:storyState': channel(ByStory, DeskStoryState),
  /** Asks the desk for a transition, based on the version this machine last saw; offline it waits in an outbox. */
  'desk:transition': channel(
    z.object({ storyId: StoryId, action: DeskAction, note: z.string().max(4000).optional() }).strict(),
    DeskStoryState,
  ),
  /**
   * Editors: publishes the revision an editor approved of a story changed after approval. The later edits go
   * into a new desk draft (`draftId`); the story returns to the approved text, approved again, and is published.
   */
  /** Settles a field another machine's value replaced: `restore` puts this machine's value back (an edit like any other); `keep` leaves the other. */
  'desk:settleOverwrite': channel(
    z
      .object({ storyId: StoryId, field: z.enum(SYNCED_FIELDS), choice: z.enum(['restore', 'keep']) })
      .strict(),
    DeskStoryState,
  ),
  'desk:publishApproved': channel(
    z.object({ storyId: StoryId, targetId: z.string().min(1).max(64).optional() }).strict(),
    z.object({ draftId: StoryId, job: PublishJob }),
  ),
};

export const deskEvents = {
  /** The desk's state of a story (or the membership, without `storyId`) changed. */
  'desk:changed': z.object({ storyId: StoryId.optional() }),
};
