import type { Editor } from '@tiptap/react';

/**
 * Calls `callback` after every change to the document, the user's edits and a body replaced from the
 * store alike (that one emits no `update`, so it is not saved back). Returns the unsubscribe.
 */
export function onDocChange(editor: Editor, callback: () => void): () => void {
  const listener = ({ transaction }: { transaction: { docChanged: boolean } }) => {
    if (transaction.docChanged) callback();
  };
  editor.on('transaction', listener);
  return () => void editor.off('transaction', listener);
}
