import { PersonSwitcher } from '../features/people/PersonSwitcher';
import { useCurrentPerson } from '../features/people/PersonContext';
import { ReturnedCount } from '../features/review/ReturnedCount';
import { useReturnedCount } from '../features/review/useReturnedCount';

export type LibraryView = 'stories' | 'returned' | 'trash' | 'review' | 'tags' | 'sections' | 'settings';

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
  const returned = useReturnedCount(person.name);
  const views = VIEWS.filter((view) => view.id !== 'review' || person.role === 'editor');
  // Shown while an editor has sent some of this person's stories back (or while it is the open view).
  if (returned || props.view === 'returned') views.splice(1, 0, { id: 'returned', label: 'Returned to you' });
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
        {views.map((view) => (
          <li key={view.id}>
            <button
              className="nav-item"
              aria-current={props.view === view.id ? 'page' : undefined}
              onClick={() => props.onView(view.id)}
            >
              {view.label}
              {view.id === 'returned' && returned > 0 && <ReturnedCount count={returned} />}
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
