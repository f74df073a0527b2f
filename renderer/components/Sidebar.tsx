export type LibraryView = 'stories' | 'trash';

const VIEWS: { id: LibraryView; label: string }[] = [
  { id: 'stories', label: 'All stories' },
  { id: 'trash', label: 'Trash' },
];

export function Sidebar(props: { view: LibraryView; onView(view: LibraryView): void; onNewStory(): void }) {
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          C
        </span>
        Copydesk
      </div>
      <button className="button-primary new-story" onClick={props.onNewStory}>
        New story
      </button>
      <ul className="nav-list">
        {VIEWS.map((view) => (
          <li key={view.id}>
            <button
              className="nav-item"
              aria-current={props.view === view.id ? 'page' : undefined}
              onClick={() => props.onView(view.id)}
            >
              {view.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
