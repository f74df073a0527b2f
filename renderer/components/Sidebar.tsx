import { PersonSwitcher } from '../features/people/PersonSwitcher';
import { useCurrentPerson } from '../features/people/PersonContext';

export type LibraryView = 'stories' | 'trash' | 'review' | 'tags' | 'sections' | 'settings';

const VIEWS: { id: LibraryView; label: string }[] = [
  { id: 'stories', label: 'All stories' },
  { id: 'trash', label: 'Trash' },
  { id: 'review', label: 'Review queue' },
  { id: 'tags', label: 'Tags' },
  { id: 'sections', label: 'Sections' },
  { id: 'settings', label: 'Settings' },
];

export function Sidebar(props: {
  view: LibraryView;
  onView(view: LibraryView): void;
  onNewStory(): void;
  listCollapsed: boolean;
  onToggleList(): void;
}) {
  const { person } = useCurrentPerson();
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
        {VIEWS.filter((view) => view.id !== 'review' || person.role === 'editor').map((view) => (
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
      {props.view !== 'settings' && (
        <button
          type="button"
          className="nav-item list-toggle"
          aria-expanded={!props.listCollapsed}
          onClick={props.onToggleList}
        >
          {props.listCollapsed ? 'Show list' : 'Hide list'}
        </button>
      )}
      <PersonSwitcher />
    </nav>
  );
}
