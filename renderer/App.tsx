import { useQueryClient } from '@tanstack/react-query';
import { createElement, useCallback, useEffect, useRef, useState, type ComponentProps } from 'react';
import type { StoryPane as StoryPaneComponent } from './features/stories/StoryPane';
import { onSidePanel } from './components/sidePanelPresence';
import { UndoOfferToast } from './components/UndoToast';
import { offerUndo } from './components/undoOffer';
import type { Story } from '../shared/domain/story';
import { useClient } from './api/ClientContext';
import { Sidebar, type LibraryView } from './components/Sidebar';
import { StoryList } from './features/stories/StoryList';
import { TagManager } from './features/tags/TagManager';
import { SectionManager } from './features/library/SectionManager';
import { CommandPalette } from './features/palette/CommandPalette';
import { leaveWarning } from './features/stories/storySaver';
import { prefetchStory } from './features/stories/prefetchStory';
import { prefetchLibrary, useLibrary } from './features/library/useLibrary';
import { errorMessage } from './api/errorMessage';
import { PeopleGate, useCurrentPerson } from './features/people/PersonContext';
import { ReviewQueue } from './features/review/ReviewQueue';
import { SettingsPage } from './features/settings/SettingsPage';
import { publishSessions } from './features/publish/publishSessions';
import { HostOutageBanner } from './features/connection/HostOutageBanner';

// The editor (TipTap, ProseMirror) is its own chunk: index.html preloads it beside the app's, the library
// shows without waiting for it, and it is evaluated once the main thread is first idle (after the library's
// first paint), or at once when a story opens before that. Not React.lazy: its first render suspends even
// once the chunk is in, and React holds a fallback ~300 ms.
type StoryPaneView = typeof StoryPaneComponent;
let loadedStoryPane: StoryPaneView | null = null;
const loadStoryPane = () =>
  import('./features/stories/StoryPane').then((m) => (loadedStoryPane = m.StoryPane));

function useStoryPane(): StoryPaneView | null {
  const [view, setView] = useState(() => loadedStoryPane);
  useEffect(() => {
    if (!view) void loadStoryPane().then((loaded) => setView(() => loaded));
  }, [view]);
  return view;
}

function StoryPane(props: ComponentProps<StoryPaneView>) {
  const view = useStoryPane();
  return view && createElement(view, props);
}

const EDITOR_LOADED_WITHIN_MS = 1000;

/** The app once it knows who is using it (first run asks). */
export function App() {
  const client = useClient();
  const queryClient = useQueryClient();
  // Job rows are followed for the app's lifetime, whether or not a publish dialog is open.
  useEffect(() => publishSessions.follow(client), [client]);
  useEffect(() => {
    prefetchLibrary(queryClient);
    const idle = requestIdleCallback(() => void loadStoryPane(), { timeout: EDITOR_LOADED_WITHIN_MS });
    return () => cancelIdleCallback(idle);
  }, [queryClient]);
  return (
    <PeopleGate>
      <Library />
    </PeopleGate>
  );
}

function Library() {
  const client = useClient();
  const queryClient = useQueryClient();
  const [view, setView] = useState<LibraryView>('stories');
  const [selectedId, setSelected] = useState<string | null>(null);
  // Leaving a story whose edits cannot be saved (changed elsewhere, refused) asks first.
  const setSelectedId = useCallback(
    (id: string | null) => {
      if (id === selectedId) return;
      const warning = leaveWarning();
      if (warning !== null && !window.confirm(warning)) return;
      if (id) prefetchStory(queryClient, id);
      setSelected(id);
    },
    [selectedId, queryClient],
  );
  const [error, setError] = useState<string | null>(null);
  // An Undo offered now runs later, after other stories may have been opened: it opens through the latest.
  const open = useRef(setSelectedId);
  useEffect(() => {
    open.current = setSelectedId;
  }, [setSelectedId]);
  const offerUndoTrash = useCallback(
    (story: Story) =>
      offerUndo({
        message: `“${story.headline || 'Untitled story'}” moved to the trash.`,
        undo: async () => {
          await client.call('stories:restore', { id: story.id });
          open.current(story.id);
        },
      }),
    [client],
  );
  const { person } = useCurrentPerson();
  const list = useLibrary({
    trashed: view === 'trash',
    returnedTo: view === 'returned' ? person.name : undefined,
  });
  const [listCollapsed, setListCollapsed] = useListColumn();

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
    <div
      className={`app${view === 'settings' ? ' app-settings' : ''}${listCollapsed ? ' app-list-collapsed' : ''}`}
    >
      <a className="skip-link" href="#story-pane">
        Skip to the story
      </a>
      <Sidebar
        view={view}
        onView={(next) => {
          setView(next);
          setListCollapsed(false);
        }}
        onNewStory={() => void createStory()}
        listCollapsed={listCollapsed}
        onToggleList={() => setListCollapsed(!listCollapsed)}
      />
      {listCollapsed ? null : view === 'review' ? (
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
      <main className="pane" aria-label="Story" id="story-pane" tabIndex={-1}>
        <HostOutageBanner />
        {error && (
          <div role="alert" className="banner banner-error">
            {error} <button onClick={() => setError(null)}>Dismiss</button>
          </div>
        )}
        {selectedId ? (
          <StoryPane
            key={selectedId}
            storyId={selectedId}
            onClosed={(trashed) => {
              setSelectedId(null);
              if (trashed) offerUndoTrash(trashed);
            }}
            onOpenStory={setSelectedId}
          />
        ) : (
          <div className="empty-pane">
            <p>Select a story, or start a new one.</p>
            <button className="button-primary" onClick={() => void createStory()}>
              New story
            </button>
          </div>
        )}
      </main>
      <UndoOfferToast />
      <CommandPalette onOpenStory={setSelectedId} onNewStory={() => void createStory()} onView={setView} />
    </div>
  );
}

/**
 * Narrower than this, a side panel beside the story folds the library column away while it is open: at 1440 px the
 * list and a panel leave the body about 410 px and its toolbar on three or four rows.
 */
const ROOM_FOR_LIST_AND_PANEL = 1680;

/** Whether the library column is folded away: by the person, or for as long as a side panel needs the room. */
function useListColumn(): [boolean, (collapsed: boolean) => void] {
  const [chosen, setChosen] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const [shownAnyway, setShownAnyway] = useState(false);
  const [narrow, setNarrow] = useState(() => window.innerWidth < ROOM_FOR_LIST_AND_PANEL);
  useEffect(
    () =>
      onSidePanel((open) => {
        setPanelOpen(open);
        setShownAnyway(false);
      }),
    [],
  );
  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${ROOM_FOR_LIST_AND_PANEL - 1}px)`);
    const changed = () => setNarrow(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  const collapsed = chosen || (narrow && panelOpen && !shownAnyway);
  const set = (next: boolean) => {
    setChosen(next);
    if (!next) setShownAnyway(true);
  };
  return [collapsed, set];
}
