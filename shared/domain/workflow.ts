import { z } from 'zod';
import type { Role } from './person';
import { StoryStatus } from './story';

/** What a person asks the workflow to do; the resulting status depends on where the story is. */
export const WorkflowAction = z.enum(['submit', 'approve', 'return', 'draft', 'spike', 'restore']);
export type WorkflowAction = z.infer<typeof WorkflowAction>;

interface Rule {
  from: readonly StoryStatus[];
  to: StoryStatus | 'previous';
  roles: readonly Role[];
  needsNote?: boolean;
}

export const WORKFLOW_RULES: Record<WorkflowAction, Rule> = {
  submit: { from: ['draft', 'returned'], to: 'in_review', roles: ['reporter', 'editor'] },
  // An editor may approve a draft directly, and approve again a story edited after its approval.
  approve: { from: ['draft', 'returned', 'in_review', 'approved'], to: 'approved', roles: ['editor'] },
  return: { from: ['in_review'], to: 'returned', roles: ['editor'], needsNote: true },
  draft: { from: ['returned', 'in_review', 'approved'], to: 'draft', roles: ['reporter', 'editor'] },
  // A published story stays live on its sites until unpublished, so spiking it would hide that.
  spike: { from: ['draft', 'in_review', 'returned', 'approved'], to: 'spiked', roles: ['editor'] },
  restore: { from: ['spiked'], to: 'previous', roles: ['editor'] },
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  return: 'Return',
  draft: 'Back to draft',
  spike: 'Spike',
  restore: 'Restore',
};

const STATUS_WORDS: Record<StoryStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  returned: 'returned',
  approved: 'approved',
  published: 'published',
  spiked: 'spiked',
};

export type TransitionCheck =
  | { ok: true; to: StoryStatus }
  | { ok: false; code: 'forbidden' | 'conflict' | 'invalid-input'; message: string };

/**
 * Where `action` takes a story in `from`, or why it may not. Reporters may only move a draft or
 * returned story between draft and review; `previousStatus` is where a spiked story was before.
 */
export function checkTransition(args: {
  from: StoryStatus;
  action: WorkflowAction;
  role: Role;
  note?: string;
  previousStatus?: StoryStatus | null;
}): TransitionCheck {
  const rule = WORKFLOW_RULES[args.action];
  const label = ACTION_LABELS[args.action];
  if (!rule.roles.includes(args.role)) {
    return { ok: false, code: 'forbidden', message: `Only an editor can ${label.toLowerCase()} a story.` };
  }
  if (args.role === 'reporter' && args.action === 'draft' && args.from !== 'returned') {
    return { ok: false, code: 'forbidden', message: 'Only an editor can send this story back to draft.' };
  }
  if (args.action === 'spike' && args.from === 'published') {
    return {
      ok: false,
      code: 'conflict',
      message:
        'Cannot spike: the story is live. Unpublish it first (Update ▸ Unpublish in the toolbar), then spike it.',
    };
  }
  if (!rule.from.includes(args.from)) {
    return {
      ok: false,
      code: 'conflict',
      message: `Cannot ${label.toLowerCase()}: the story is ${STATUS_WORDS[args.from]}.`,
    };
  }
  if (rule.needsNote && !args.note?.trim()) {
    return { ok: false, code: 'invalid-input', message: 'Returning a story needs a note for the reporter.' };
  }
  if (rule.to === 'previous') {
    const to = args.previousStatus && args.previousStatus !== 'spiked' ? args.previousStatus : 'draft';
    return { ok: true, to };
  }
  return { ok: true, to: rule.to };
}

/** The actions `role` can take on a story in `status` (for the UI; the core checks again). */
export function availableActions(status: StoryStatus, role: Role): WorkflowAction[] {
  return WorkflowAction.options.filter(
    (action) => checkTransition({ from: status, action, role, note: 'x', previousStatus: 'draft' }).ok,
  );
}

export const StatusChange = z.object({
  storyId: z.string(),
  from: StoryStatus,
  to: StoryStatus,
  action: z.union([WorkflowAction, z.literal('publish'), z.literal('unpublish')]),
  person: z.string(),
  note: z.string(),
  revision: z.number().int().positive(),
  at: z.iso.datetime(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const QueueItem = z.object({
  id: z.string(),
  headline: z.string(),
  author: z.string(),
  sectionId: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  submittedAt: z.iso.datetime(),
  submittedBy: z.string(),
  unresolvedComments: z.number().int().nonnegative(),
  version: z.number().int().positive(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** The note of the move a desk makes when an edit lands on an approved story (back to review). */
export const APPROVAL_VOIDED_NOTE = 'changed after approval';
