import type { Revision } from '../../../shared/domain/revision';
import { storyFieldsOf, type Story, type StoryFields } from '../../../shared/domain/story';
import type { ActivityQueries } from '../../db/queries/activityQueries';

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
