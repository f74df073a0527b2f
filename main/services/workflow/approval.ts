import type { Revision } from '../../../shared/domain/revision';
import { APPROVAL_VOIDED_NOTE } from '../../../shared/domain/workflow';
import { storyFieldsOf, type Story, type StoryFields } from '../../../shared/domain/story';
import type { ActivityQueries } from '../../db/queries/activityQueries';
import { readStoryDoc } from '../../../shared/editor';

/** Where a story stands against its approval: the approved revision, and whether the story has changed since. */
export interface Approval {
  revision: number | null;
  changedSinceApproval: boolean;
}

/** Comment anchors mark text without changing it: an editor commenting on an approved story does not unapprove it. */
function withoutCommentAnchors(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutCommentAnchors);
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'marks' && Array.isArray(value)) {
      const kept = value.filter((mark: { type?: string }) => mark?.type !== 'commentAnchor');
      if (kept.length) copy[key] = kept;
    } else copy[key] = withoutCommentAnchors(value);
  }
  return copy;
}

const sameContent = (a: StoryFields, b: StoryFields) =>
  JSON.stringify(withoutCommentAnchors(a)) === JSON.stringify(withoutCommentAnchors(b));

/** The approval of an approved story: the revision the editor approved, and whether anyone edited it since. */
export function approvalOf(
  story: Story,
  deps: { activityQueries: ActivityQueries; revision(storyId: string, n: number): Revision },
): Approval {
  if (story.status !== 'approved') return { revision: null, changedSinceApproval: false };
  const approved = deps.activityQueries.lastChangeTo(story.id, 'approved');
  if (!approved) return { revision: null, changedSinceApproval: false };
  const fields = deps.revision(story.id, approved.revision).fields;
  return { revision: approved.revision, changedSinceApproval: !sameContent(fields, storyFieldsOf(story)) };
}

/**
 * The revision an editor approved that publishing would send: the approval of an approved story, or the one an
 * edit voided (the desk sent the story back to review as "changed after approval"); null when there is none.
 */
export function approvedRevisionOf(story: Story, activityQueries: ActivityQueries): number | null {
  if (story.status === 'approved')
    return activityQueries.lastChangeTo(story.id, 'approved')?.revision ?? null;
  if (story.status !== 'in_review') return null;
  const [latest, before] = activityQueries.statusChanges(story.id);
  return latest?.note === APPROVAL_VOIDED_NOTE && before?.action === 'approve' ? before.revision : null;
}

/** The story as publishing sends it: with the fields of its approved revision when it changed since. */
export function asApproved(
  story: Story,
  deps: { activityQueries: ActivityQueries; revision(storyId: string, n: number): Revision },
): Story {
  const n = approvedRevisionOf(story, deps.activityQueries);
  if (n === null) return story;
  const fields = deps.revision(story.id, n).fields;
  if (sameContent(fields, storyFieldsOf(story))) return story;
  return { ...story, ...fields, wordCount: readStoryDoc(fields.body).wordCount };
}
