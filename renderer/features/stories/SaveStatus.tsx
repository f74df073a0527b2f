import { useSyncExternalStore } from 'react';
import { subscribeTo, type StoryDocBinding } from '../editor/collab/storyDocBinding';
import { describeSaveState, type SaveState, type StorySaver } from './storySaver';
import { useSaveState } from './useStorySaver';

/**
 * The status bar's save state; it follows the saver itself so a save re-renders only this line. A desk story's
 * body goes through its doc binding, so "Saved" waits for the core to have every edit of the body too.
 */
export function SaveStatus({ saver, binding }: { saver: StorySaver; binding?: StoryDocBinding | null }) {
  const fields = useSaveState(saver);
  const body = useSyncExternalStore(subscribeTo(binding), () => binding?.bodyState ?? 'saved');
  let state: SaveState = fields;
  if (fields.kind === 'saved' || fields.kind === 'unsaved' || fields.kind === 'saving') {
    if (body === 'retrying') state = { kind: 'retrying', reason: 'Copydesk did not get the latest typing' };
    else if (body === 'saving' && fields.kind === 'saved') state = { kind: 'saving' };
  }
  return (
    <span role="status" className={`save-state save-${state.kind}`}>
      {describeSaveState(state)}
    </span>
  );
}
