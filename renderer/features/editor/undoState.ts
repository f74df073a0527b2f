import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { yUndoPluginKey } from '@tiptap/y-tiptap';

/**
 * Whether undo and redo would do something, read from the history's own state: `editor.can()` builds a
 * chain of every command, which is too much for every transaction. TipTap's history gives its depths;
 * collaboration's (Yjs) says whether its stacks hold anything.
 */
export function undoState(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  const yUndo = yUndoPluginKey.getState(editor.state) as
    { undoManager: { undoStack: unknown[]; redoStack: unknown[] } } | undefined;
  if (yUndo) {
    const { undoStack, redoStack } = yUndo.undoManager;
    return { canUndo: undoStack.length > 0, canRedo: redoStack.length > 0 };
  }
  return { canUndo: undoDepth(editor.state) > 0, canRedo: redoDepth(editor.state) > 0 };
}
