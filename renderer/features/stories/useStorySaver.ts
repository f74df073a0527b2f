import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Story } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';
import { flushBackgroundSaves, hasBackgroundSaves, StorySaver, type SaveState } from './storySaver';

/** One StorySaver per open story; flushes when the window is hidden or closed and when the story closes. */
export function useStorySaver(story: Story, onSaved: (story: Story) => void): StorySaver {
  const client = useClient();
  const [saver] = useState(() => new StorySaver(client, story.id, story.version, onSaved));

  useEffect(() => {
    saver.attach();
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const flushNow = () => void saver.flush();
    const holdUntilSaved = (event: BeforeUnloadEvent) => {
      if (saver.state.kind === 'conflict' || saver.state.kind === 'failed') {
        // No save can end these, and Electron cancels a close without a word: the first close is refused
        // while the notice says closing again leaves the edits unsaved; the second closes. A browser asks itself.
        if (!window.copydesk || saver.refuseCloseOnce()) event.preventDefault();
        return;
      }
      if (!saver.hasUnsavedChanges) return;
      event.preventDefault();
      const flushed = saver.flush();
      // Electron cancels the close silently, so close again once the save is stored; a browser asks the user.
      if (window.copydesk) void flushed.then(() => !saver.hasUnsavedChanges && window.close());
    };
    document.addEventListener('visibilitychange', flushWhenHidden);
    window.addEventListener('pagehide', flushNow);
    window.addEventListener('beforeunload', holdUntilSaved);
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      window.removeEventListener('pagehide', flushNow);
      window.removeEventListener('beforeunload', holdUntilSaved);
      void saver.dispose();
    };
  }, [saver]);

  return saver;
}

export function useSaveState(saver: StorySaver): SaveState {
  return useSyncExternalStore(saver.subscribe, () => saver.state);
}

/** Changes of stories closed before they were stored are sent when the window is hidden or closed, as the open one's are. */
function holdForBackgroundSaves(event: BeforeUnloadEvent) {
  if (!hasBackgroundSaves()) return;
  event.preventDefault();
  const flushed = flushBackgroundSaves();
  if (window.copydesk) void flushed.then(() => !hasBackgroundSaves() && window.close());
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', holdForBackgroundSaves);
  window.addEventListener('pagehide', () => void flushBackgroundSaves());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushBackgroundSaves();
  });
}
