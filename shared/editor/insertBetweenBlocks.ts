import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';

/** Puts the caret in the paragraph at `pos`: the empty one already there, or a new one. */
function caretInParagraphAt(tr: Transaction, pos: number): Transaction {
  const next = tr.doc.nodeAt(pos);
  if (next?.type.name !== 'paragraph' || next.content.size > 0) {
    tr.insert(pos, tr.doc.type.schema.nodes.paragraph!.create());
  }
  return tr.setSelection(TextSelection.create(tr.doc, pos + 1));
}

/**
 * Inserts a block node (an image, an also-read) between the top-level blocks, never inside a sentence, as block
 * editors such as WordPress do. In an empty paragraph it takes the paragraph's place; with the caret at the end of
 * a paragraph (or a block selected) it goes after it; then typing goes on in a paragraph below it. With the caret
 * at the start of a paragraph it goes before it, otherwise after the block holding the selection's end, and the
 * caret stays in the text where it was.
 */
export function insertBetweenBlocks(state: EditorState, tr: Transaction, node: ProseMirrorNode): Transaction {
  const { $from, $to, empty } = state.selection;
  if ($from.depth === 0) {
    tr.insert($to.pos, node);
    return caretInParagraphAt(tr, $to.pos + node.nodeSize);
  }
  const block = $from.node(1);
  const start = $from.before(1);
  if (empty && block.isTextblock && block.content.size === 0) {
    tr.replaceWith(start, $from.after(1), node);
    return caretInParagraphAt(tr, start + node.nodeSize);
  }
  const inParagraph = empty && $from.depth === 1;
  if (inParagraph && $from.parentOffset === block.content.size) {
    tr.insert($from.after(1), node);
    return caretInParagraphAt(tr, $from.after(1) + node.nodeSize);
  }
  return tr.insert(inParagraph && $from.parentOffset === 0 ? start : $to.after(1), node);
}
