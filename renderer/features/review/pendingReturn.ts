import type { StatusChange } from '../../../shared/domain/workflow';

/**
 * The editor's last return, while the reporter still has to act on it: the story was returned and not
 * resubmitted since (it may have gone back to draft). `history` is newest first, as workflow:history answers.
 */
export function pendingReturn<T extends Pick<StatusChange, 'action'>>(history: readonly T[]): T | null {
  const last = history.find((change) => change.action === 'return' || change.action === 'submit');
  return last?.action === 'return' ? last : null;
}
