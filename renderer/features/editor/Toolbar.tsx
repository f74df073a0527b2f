import { useEditorState, type Editor } from '@tiptap/react';
import { Fragment, type ReactNode } from 'react';
import { isActiveAtCaret } from './isActiveAtCaret';
import { undoState } from './undoState';
import { ariaKeyShortcuts, shortcutLabel } from './shortcutLabel';

interface ToolProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onRun(): void;
  children: ReactNode;
}

function Tool({ label, shortcut, pressed, disabled, onRun, children }: ToolProps) {
  const hint = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut && ariaKeyShortcuts(shortcut)}
      title={hint}
      disabled={disabled}
      // Keep the selection in the editor while clicking the toolbar.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onRun}
    >
      {children}
    </button>
  );
}

const Separator = () => <span className="tool-separator" aria-hidden="true" />;

/** The digits 1–3 as strokes in a 3×4 box: a list icon drawn, not typed, so the button shows no text its name lacks. */
const DIGITS = [
  'M0.8 0.8 L1.8 0 V4',
  'M0.3 1 Q1.5 -0.4 2.6 0.8 Q2.8 1.8 0.3 4 H2.8',
  'M0.3 0.2 H2.6 L1.3 1.6 Q2.9 1.8 2.7 3 Q2.2 4.3 0.3 3.6',
];

function ListIcon({ numbered }: { numbered: boolean }) {
  const rows = [4, 8, 12];
  return (
    <svg className="tool-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      {rows.map((y, i) =>
        numbered ? (
          <path
            key={y}
            d={DIGITS[i]}
            transform={`translate(0.5 ${y - 2})`}
            fill="none"
            stroke="currentColor"
            strokeWidth="0.9"
          />
        ) : (
          <circle key={y} cx="2" cy={y} r="1.3" fill="currentColor" />
        ),
      )}
      {rows.map((y) => (
        <rect key={y} x="6" y={y - 0.75} width="9" height="1.5" fill="currentColor" />
      ))}
    </svg>
  );
}

type Chain = ReturnType<Editor['chain']>;

interface Format {
  label: string;
  shortcut?: string;
  icon: ReactNode;
  /** The node or mark (and attributes) whose presence presses the button; none for plain actions. */
  active?: [string, Record<string, unknown>?];
  run(chain: Chain): Chain;
}

/** The formatting buttons, in groups separated in the toolbar. */
const FORMAT_GROUPS: Format[][] = [
  [
    { label: 'Bold', shortcut: 'Mod-b', icon: <b>B</b>, active: ['bold'], run: (c) => c.toggleBold() },
    { label: 'Italic', shortcut: 'Mod-i', icon: <i>I</i>, active: ['italic'], run: (c) => c.toggleItalic() },
    {
      label: 'Underline',
      shortcut: 'Mod-u',
      icon: <u>U</u>,
      active: ['underline'],
      run: (c) => c.toggleUnderline(),
    },
    {
      label: 'Strikethrough',
      shortcut: 'Mod-Shift-s',
      icon: <s>S</s>,
      active: ['strike'],
      run: (c) => c.toggleStrike(),
    },
  ],
  [
    {
      label: 'H2 heading',
      shortcut: 'Mod-Alt-2',
      icon: 'H2',
      active: ['heading', { level: 2 }],
      run: (c) => c.toggleHeading({ level: 2 }),
    },
    {
      label: 'H3 subheading',
      shortcut: 'Mod-Alt-3',
      icon: 'H3',
      active: ['heading', { level: 3 }],
      run: (c) => c.toggleHeading({ level: 3 }),
    },
  ],
  [
    {
      label: 'Bulleted list',
      shortcut: 'Mod-Shift-8',
      icon: <ListIcon numbered={false} />,
      active: ['bulletList'],
      run: (c) => c.toggleBulletList(),
    },
    {
      label: 'Numbered list',
      shortcut: 'Mod-Shift-7',
      icon: <ListIcon numbered />,
      active: ['orderedList'],
      run: (c) => c.toggleOrderedList(),
    },
    {
      label: 'Quote',
      shortcut: 'Mod-Shift-b',
      icon: '❝',
      active: ['blockquote'],
      run: (c) => c.toggleBlockquote(),
    },
    { label: 'Pull quote', icon: '❞❞', active: ['pullQuote'], run: (c) => c.togglePullQuote() },
    { label: 'Horizontal rule', icon: '―', run: (c) => c.setHorizontalRule() },
  ],
];
const FORMATS = FORMAT_GROUPS.flat();

/** Formatting controls; re-renders only when the active marks or undo state change, not per keystroke. */
export function Toolbar(props: {
  editor: Editor;
  onLink(): void;
  onImage(): void;
  onStoryLink?(): void;
  onAlsoRead?(): void;
  extra?: ReactNode;
}) {
  const { editor } = props;
  const state = useEditorState({
    editor,
    // Runs on every transaction: no walk over the document.
    selector: ({ editor: e, editor: { state: s } }) => ({
      editable: e.isEditable,
      pressed: FORMATS.map((format) => (format.active ? isActiveAtCaret(s, ...format.active) : undefined)),
      link: isActiveAtCaret(s, 'link'),
      figure: isActiveAtCaret(s, 'figure'),
      ...undoState(e),
    }),
  });
  const chain = () => editor.chain().focus();
  const off = !state.editable;

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {/* One row at any width: the tools scroll sideways in a narrow column, the actions at the end stay put. */}
      <div className="toolbar-tools">
        {FORMAT_GROUPS.map((group, g) => (
          <Fragment key={g}>
            {g > 0 && <Separator />}
            {group.map((format) => (
              <Tool
                key={format.label}
                label={format.label}
                shortcut={format.shortcut}
                pressed={state.pressed[FORMATS.indexOf(format)]}
                disabled={off}
                onRun={() => format.run(chain()).run()}
              >
                {format.icon}
              </Tool>
            ))}
          </Fragment>
        ))}
        <Separator />
        <Tool label="Link" shortcut="Mod-k" pressed={state.link} disabled={off} onRun={props.onLink}>
          Link
        </Tool>
        <Tool label={state.figure ? 'Edit image' : 'Image'} disabled={off} onRun={props.onImage}>
          Image
        </Tool>
        {props.onStoryLink && (
          <Tool label="Link story" disabled={off} onRun={props.onStoryLink}>
            [[ ]]
          </Tool>
        )}
        {props.onAlsoRead && (
          <Tool label="Also read" disabled={off} onRun={props.onAlsoRead}>
            Also read
          </Tool>
        )}
        <Separator />
        <Tool
          label="Undo"
          shortcut="Mod-z"
          disabled={off || !state.canUndo}
          onRun={() => chain().undo().run()}
        >
          ↶
        </Tool>
        <Tool
          label="Redo"
          shortcut="Mod-Shift-z"
          disabled={off || !state.canRedo}
          onRun={() => chain().redo().run()}
        >
          ↷
        </Tool>
      </div>
      {props.extra && <div className="toolbar-actions">{props.extra}</div>}
    </div>
  );
}
