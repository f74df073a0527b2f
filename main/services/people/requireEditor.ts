import type { Person } from '../../../shared/domain/person';
import { AppError } from '../../../shared/ipc/errors';

export type RequireEditor = (what: string) => void;

/**
 * A check for what governs the whole newsroom (settings, sections, publish targets): a reporter is refused with
 * `forbidden`. An install nobody has set up yet (no current person) is being configured by whoever installed it.
 */
export const editorCheck =
  (current: () => Person | null): RequireEditor =>
  (what) => {
    if (current()?.role === 'reporter') throw new AppError('forbidden', `Only an editor can change ${what}.`);
  };
