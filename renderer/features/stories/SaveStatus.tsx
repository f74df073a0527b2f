import { describeSaveState, type SaveState } from './storySaver';

export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <span role="status" className={`save-state save-${state.kind}`}>
      {describeSaveState(state)}
    </span>
  );
}
