import type { RevisionSummary } from '../../../shared/domain/revision';
import { APPROVAL_VOIDED_NOTE, type StatusChange } from '../../../shared/domain/workflow';

/** Moves that end a review round: after them, an earlier return no longer explains the changes. */
const ROUND_ENDS: ReadonlySet<StatusChange['action']> = new Set(['approve', 'publish', 'unpublish']);

/**
 * The revision the comparison starts from by default ("since submitted"). After a return in the current
 * review round it is the submission the editor returned, so the reporter's fixes show however many saves,
 * comments or resubmissions came since; otherwise the latest submission; a story never submitted is
 * compared from its first revision. `history` is newest first, as workflow:history answers; `revisions` too.
 */
export function comparisonBase(
  history: readonly (Pick<StatusChange, 'action' | 'revision'> & Partial<Pick<StatusChange, 'note'>>)[],
  revisions: readonly Pick<RevisionSummary, 'n'>[],
): number | null {
  const oldest = revisions.at(-1)?.n ?? null;
  // An approved story is compared with what the editor approved, so an edit since shows as the change;
  // so is one the desk sent back to review because an edit landed after the approval.
  const voided = history[0]?.note === APPROVAL_VOIDED_NOTE && history[1]?.action === 'approve';
  const approved = history[0]?.action === 'approve' ? history[0] : voided ? history[1] : undefined;
  if (approved && revisions.some((revision) => revision.n === approved.revision)) return approved.revision;
  const submitted = history.findIndex((change) => change.action === 'submit');
  const latest = history[submitted];
  if (!latest) return oldest;
  const returned = history.findIndex((change) => change.action === 'return');
  let base = latest.revision;
  if (returned >= 0) {
    const between = history.slice(Math.min(returned, submitted), Math.max(returned, submitted));
    const returnedSubmission = history.slice(returned + 1).find((change) => change.action === 'submit');
    if (returnedSubmission && !between.some((change) => ROUND_ENDS.has(change.action))) {
      base = returnedSubmission.revision;
    }
  }
  return revisions.some((revision) => revision.n === base) ? base : oldest;
}
