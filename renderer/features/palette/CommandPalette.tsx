import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ACTION_LABELS } from '../../../shared/domain/workflow';
import { useSearch } from '../../api/useSearch';
import type { LibraryView } from '../../components/Sidebar';
import { useCurrentPerson, type People } from '../people/PersonContext';
import { publishSessions } from '../publish/publishSessions';
import { useStoryCommands, type StoryCommands } from '../review/storyCommands';
import { usePaletteShortcut } from './usePaletteShortcut';
import './palette.css';

interface Command {
  id: string;
  label: string;
  hint: string;
  run(): void;
}

/**
 * The command palette (Ctrl/Cmd+K outside the editor, Ctrl/Cmd+Shift+P anywhere): jump to a story by
 * headline, go somewhere, switch person, or run the open story's workflow actions and Publish.
 */
export function CommandPalette(props: PaletteProps) {
  const [open, setOpen] = useState(false);
  usePaletteShortcut(useCallback(() => setOpen(true), []));
  if (!open) return null;
  return <PaletteDialog {...props} onClose={() => setOpen(false)} />;
}

interface PaletteProps {
  onOpenStory(id: string): void;
  onNewStory(): void;
  onView(view: LibraryView): void;
}

/** The open story's workflow actions (those its header offers the current person) and Publish. */
function storyActions(story: StoryCommands | null): Command[] {
  if (!story) return [];
  return [
    ...story.actions.map((action) => ({
      id: `workflow-${action}`,
      label: action === 'return' ? `${ACTION_LABELS[action]}…` : ACTION_LABELS[action],
      hint: 'This story',
      run: () => story.run(action),
    })),
    {
      id: 'publish',
      label: 'Publish…',
      hint: 'This story',
      run: () => {
        void story.flush();
        publishSessions.open(story.storyId);
      },
    },
  ];
}

/** Where to go and who to be, as the sidebar offers it. */
function appActions(props: PaletteProps, { person, people, switchTo }: People): Command[] {
  const go = (view: LibraryView) => () => props.onView(view);
  return [
    { id: 'new', label: 'New story', hint: 'Action', run: props.onNewStory },
    { id: 'all', label: 'Go to All stories', hint: 'Action', run: go('stories') },
    ...(person.role === 'editor'
      ? [{ id: 'review', label: 'Go to Review queue', hint: 'Action', run: go('review') }]
      : []),
    { id: 'trash', label: 'Go to Trash', hint: 'Action', run: go('trash') },
    { id: 'tags', label: 'Manage tags', hint: 'Action', run: go('tags') },
    { id: 'sections', label: 'Manage sections', hint: 'Action', run: go('sections') },
    { id: 'settings', label: 'Open settings', hint: 'Action', run: go('settings') },
    ...people
      .filter((other) => other.id !== person.id)
      .map((other) => ({
        id: `person-${other.id}`,
        label: `Switch person to ${other.name}`,
        hint: other.role === 'editor' ? 'Editor' : 'Reporter',
        run: () => void switchTo(other.id).catch(() => undefined),
      })),
  ];
}

function PaletteDialog(props: PaletteProps & { onClose(): void }) {
  const people = useCurrentPerson();
  const storyCommands = useStoryCommands();
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<Element | null>(document.activeElement);
  const [text, setText] = useState('');
  const found = useSearch('library:query', text, (typed) => ({
    search: typed,
    limit: 8,
    ...(typed.trim() ? {} : { sort: 'updated' as const }),
  }));
  const [active, setActive] = useState(0);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const previous = returnFocus.current;
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const close = props.onClose;
  const needle = text.trim().toLowerCase();
  const matches = (command: Command) => !needle || command.label.toLowerCase().includes(needle);
  const actions = [...storyActions(storyCommands), ...appActions(props, people)].filter(matches);
  // Results for an older text would make Enter open a story the user no longer asked for.
  const stories = (found.answered ? (found.value?.items ?? []) : []).map((story) => ({
    id: story.id,
    label: story.headline || 'Untitled story',
    hint: story.sectionName ?? 'Story',
    run: () => {
      props.onView('stories');
      props.onOpenStory(story.id);
    },
  }));
  // Typed words name an action more precisely than they find stories (which match on the body too).
  const commands: Command[] = needle ? [...actions, ...stories] : [...stories, ...actions];
  const chosen = Math.min(active, Math.max(0, commands.length - 1));

  const run = (command: Command | undefined) => {
    if (!command) return;
    close();
    command.run();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((chosen + 1) % Math.max(1, commands.length));
    else if (event.key === 'ArrowUp') setActive(chosen <= 0 ? commands.length - 1 : chosen - 1);
    else if (event.key === 'Enter') run(commands[chosen]);
    else return;
    event.preventDefault();
  };

  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => event.target === ref.current && close()}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-label="Search stories and actions"
        aria-expanded="true"
        aria-controls="palette-results"
        aria-activedescendant={commands[chosen] ? `palette-${commands[chosen].id}` : undefined}
        placeholder="Jump to a story or run an action…"
        autoFocus
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-results" role="listbox" className="palette-results" aria-label="Results">
        {commands.map((command, index) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={index === chosen}
            onMouseEnter={() => setActive(index)}
            onClick={() => run(command)}
          >
            <span className="palette-label">{command.label}</span>
            <span className="palette-hint">{command.hint}</span>
          </li>
        ))}
        {commands.length === 0 && <li className="palette-empty">Nothing matches.</li>}
      </ul>
    </dialog>
  );
}
