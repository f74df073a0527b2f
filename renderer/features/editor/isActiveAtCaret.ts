import { isActive, objectIncludes } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';

/**
 * `editor.isActive(name, attributes)` without its walk over the document: with a caret (an empty text
 * selection) only the caret's ancestors and marks can be active, and TipTap's check visits every
 * top-level block before the caret on each transaction. Any other selection takes TipTap's own check.
 */
export function isActiveAtCaret(state: EditorState, name: string, attributes: Record<string, unknown> = {}) {
  const { selection } = state;
  if (!selection.empty || !selection.$from.parent.inlineContent) return isActive(state, name, attributes);
  if (state.schema.marks[name]) {
    return (state.storedMarks ?? selection.$from.marks()).some(
      (mark) => mark.type.name === name && objectIncludes(mark.attrs, attributes, { strict: false }),
    );
  }
  const { $from } = selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === name && objectIncludes(node.attrs, attributes, { strict: false })) return true;
  }
  return false;
}
