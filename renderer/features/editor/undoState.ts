import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';

/**
 * Whether undo and redo would do something. With TipTap's own history the depths say so directly;
 * `editor.can()` builds a chain of every command, which is too much for every transaction. Other
 * histories (collaboration's) keep the general check.
 */
export function undoState(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  if (editor.extensionManager.extensions.some((extension) => extension.name === 'undoRedo')) {
    return { canUndo: undoDepth(editor.state) > 0, canRedo: redoDepth(editor.state) > 0 };
  }
  const can = editor.can();
  return { canUndo: can.undo(), canRedo: can.redo() };
}
