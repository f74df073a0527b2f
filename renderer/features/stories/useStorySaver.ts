import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Story } from '../../../shared/domain/story';
import { useClient } from '../../api/ClientContext';
import { StorySaver, type SaveState } from './storySaver';

/** One StorySaver per open story; flushes when the window is hidden or closed and when the story closes. */
export function useStorySaver(story: Story, onSaved: (story: Story) => void): StorySaver {
  const client = useClient();
  const [saver] = useState(() => new StorySaver(client, story.id, story.version, onSaved));

  useEffect(() => {
    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const flushNow = () => void saver.flush();
    const holdUntilSaved = (event: BeforeUnloadEvent) => {
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
