import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { shortcutLabel } from './shortcutLabel';

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
      aria-keyshortcuts={shortcut?.replace('Mod', 'Control')}
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
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      pullQuote: e.isActive('pullQuote'),
      link: e.isActive('link'),
      figure: e.isActive('figure'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const off = !state.editable;

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <Tool
        label="Bold"
        shortcut="Mod-b"
        pressed={state.bold}
        disabled={off}
        onRun={() => chain().toggleBold().run()}
      >
        <b>B</b>
      </Tool>
      <Tool
        label="Italic"
        shortcut="Mod-i"
        pressed={state.italic}
        disabled={off}
        onRun={() => chain().toggleItalic().run()}
      >
        <i>I</i>
      </Tool>
      <Tool
        label="Underline"
        shortcut="Mod-u"
        pressed={state.underline}
        disabled={off}
        onRun={() => chain().toggleUnderline().run()}
      >
        <u>U</u>
      </Tool>
      <Tool
        label="Strikethrough"
        shortcut="Mod-Shift-s"
        pressed={state.strike}
        disabled={off}
        onRun={() => chain().toggleStrike().run()}
      >
        <s>S</s>
      </Tool>
      <Separator />
      <Tool
        label="Heading 2"
        shortcut="Mod-Alt-2"
        pressed={state.h2}
        disabled={off}
        onRun={() => chain().toggleHeading({ level: 2 }).run()}
      >
        H2
      </Tool>
      <Tool
        label="Heading 3"
        shortcut="Mod-Alt-3"
        pressed={state.h3}
        disabled={off}
        onRun={() => chain().toggleHeading({ level: 3 }).run()}
      >
        H3
      </Tool>
      <Separator />
      <Tool
        label="Bulleted list"
        shortcut="Mod-Shift-8"
        pressed={state.bulletList}
        disabled={off}
        onRun={() => chain().toggleBulletList().run()}
      >
        •≡
      </Tool>
      <Tool
        label="Numbered list"
        shortcut="Mod-Shift-7"
        pressed={state.orderedList}
        disabled={off}
        onRun={() => chain().toggleOrderedList().run()}
      >
        1≡
      </Tool>
      <Tool
        label="Quote"
        shortcut="Mod-Shift-b"
        pressed={state.blockquote}
        disabled={off}
        onRun={() => chain().toggleBlockquote().run()}
      >
        ❝
      </Tool>
      <Tool
        label="Pull quote"
        pressed={state.pullQuote}
        disabled={off}
        onRun={() => chain().togglePullQuote().run()}
      >
        ❞❞
      </Tool>
      <Tool label="Horizontal rule" disabled={off} onRun={() => chain().setHorizontalRule().run()}>
        ―
      </Tool>
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
      <Tool label="Undo" shortcut="Mod-z" disabled={off || !state.canUndo} onRun={() => chain().undo().run()}>
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
      {props.extra && (
        <>
          <span className="spacer" />
          {props.extra}
        </>
      )}
    </div>
  );
}
