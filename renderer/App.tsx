import { useCallback, useEffect, useState } from 'react';
import { useClient } from './api/ClientContext';
import { Sidebar, type LibraryView } from './components/Sidebar';
import { StoryList } from './features/stories/StoryList';
import { TagManager } from './features/tags/TagManager';
import { SectionManager } from './features/library/SectionManager';
import { CommandPalette } from './features/palette/CommandPalette';
import { StoryPane } from './features/stories/StoryPane';
import { leaveWarning } from './features/stories/storySaver';
import { useLibrary } from './features/library/useLibrary';
import { errorMessage } from './api/errorMessage';
import { PeopleGate } from './features/people/PersonContext';
import { ReviewQueue } from './features/review/ReviewQueue';
import { SettingsPage } from './features/settings/SettingsPage';
import { publishSessions } from './features/publish/publishSessions';

/** The app once it knows who is using it (first run asks). */
export function App() {
  const client = useClient();
  // Job rows are followed for the app's lifetime, whether or not a publish dialog is open.
  useEffect(() => publishSessions.follow(client), [client]);
  return (
    <PeopleGate>
      <Library />
    </PeopleGate>
  );
}

function Library() {
  const client = useClient();
  const [view, setView] = useState<LibraryView>('stories');
  const [selectedId, setSelected] = useState<string | null>(null);
  // Leaving a story whose edits cannot be saved (changed elsewhere, refused) asks first.
  const setSelectedId = useCallback(
    (id: string | null) => {
      if (id === selectedId) return;
      const warning = leaveWarning();
      if (warning === null || window.confirm(warning)) setSelected(id);
    },
    [selectedId],
  );
  const [error, setError] = useState<string | null>(null);
  const list = useLibrary(view === 'trash');

  const createStory = useCallback(async () => {
    try {
      const story = await client.call('stories:create', {});
      setView('stories');
      setSelectedId(story.id);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  }, [client, setSelectedId]);

  return (
    <div className={view === 'settings' ? 'app app-settings' : 'app'}>
      <Sidebar view={view} onView={setView} onNewStory={createStory} />
      {view === 'review' ? (
        <ReviewQueue selectedId={selectedId} onOpen={setSelectedId} />
      ) : view === 'tags' ? (
        <TagManager />
      ) : view === 'sections' ? (
        <SectionManager />
      ) : view === 'settings' ? (
        <SettingsPage />
      ) : (
        <StoryList list={list} view={view} selectedId={selectedId} onSelect={setSelectedId} />
      )}
      <main className="pane" aria-label="Story">
        {error && (
          <div role="alert" className="banner banner-error">
            {error} <button onClick={() => setError(null)}>Dismiss</button>
          </div>
        )}
        {selectedId ? (
          <StoryPane
            key={selectedId}
            storyId={selectedId}
            onClosed={() => setSelectedId(null)}
            onOpenStory={setSelectedId}
          />
        ) : (
          <div className="empty-pane">
            <p>Select a story, or start a new one.</p>
            <button className="button-primary" onClick={createStory}>
              New story
            </button>
          </div>
        )}
      </main>
      <CommandPalette onOpenStory={setSelectedId} onNewStory={createStory} onView={setView} />
    </div>
  );
}
