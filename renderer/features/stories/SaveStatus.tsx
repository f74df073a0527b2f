import { describeSaveState, type StorySaver } from './storySaver';
import { useSaveState } from './useStorySaver';

/** The status bar's save state; it follows the saver itself so a save re-renders only this line. */
export function SaveStatus({ saver }: { saver: StorySaver }) {
  const state = useSaveState(saver);
  return (
    <span role="status" className={`save-state save-${state.kind}`}>
      {describeSaveState(state)}
    </span>
  );
}
