import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { LIMITS } from '../../components/fieldLimits';
import { shortcutLabel } from '../editor/shortcutLabel';
import './comments.css';

export interface CommentDraft {
  from: number;
  to: number;
  quote: string;
}

/** Reads the selection as the text a new comment will be anchored to, or null when nothing is selected. */
export function draftFromSelection(editor: Editor): CommentDraft | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  return { from, to, quote: editor.state.doc.textBetween(from, to, ' ').slice(0, LIMITS.commentQuote) };
}

/** Toolbar "Comment" button, also on Ctrl/Cmd+Alt+M: starts a comment on the selected text. */
export function CommentButton({
  editor,
  onComment,
}: {
  editor: Editor;
  onComment(draft: CommentDraft): void;
}) {
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const callback = useRef(onComment);
  useEffect(() => {
    callback.current = onComment;
  });

  useEffect(() => {
    const dom = editor.view.dom;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return;
      event.preventDefault();
      const draft = draftFromSelection(editor);
      if (draft) callback.current(draft);
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);

  return (
    <button
      type="button"
      className="tool tool-comment"
      aria-label="Comment"
      aria-keyshortcuts="Control+Alt+M"
      title={`Comment (${shortcutLabel('Mod-Alt-m')})`}
      disabled={!hasSelection}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        const draft = draftFromSelection(editor);
        if (draft) onComment(draft);
      }}
    >
      Comment
    </button>
  );
}
