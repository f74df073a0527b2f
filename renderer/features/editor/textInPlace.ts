import { Mark, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorView } from '@tiptap/pm/view';

/**
 * ProseMirror's internals this module leans on, neither in its types: the DOM observer (stopped while
 * we write, as ProseMirror stops it for its own writes) and the view description a DOM node belongs to.
 */
interface ViewInternals {
  domObserver?: { stop(): void; start(): void };
}
interface DescribedText extends Text {
  pmViewDesc?: { node: ProseMirrorNode };
}

/** Makes a DOM change ProseMirror's observer does not read back as an edit of its own. */
function unobserved(view: EditorView, write: () => void) {
  const observer = (view as unknown as ViewInternals).domObserver!;
  observer.stop();
  write();
  observer.start();
}

/** The text node a character typed at `from` joins, and where in it: the one before the caret first, as insertText does. */
function joinedText(
  view: EditorView,
  from: number,
): { node: ProseMirrorNode; offset: number; side: -1 | 1 } | null {
  const $from = view.state.doc.resolve(from);
  const marks = view.state.storedMarks ?? $from.marks();
  const joins = (node: ProseMirrorNode | null | undefined): node is ProseMirrorNode =>
    !!node?.isText && Mark.sameSet(node.marks, marks);
  if ($from.textOffset > 0) {
    const node = $from.parent.child($from.index());
    return joins(node) ? { node, offset: $from.textOffset, side: 1 } : null;
  }
  if (joins($from.nodeBefore))
    return { node: $from.nodeBefore, offset: $from.nodeBefore.text!.length, side: -1 };
  if (joins($from.nodeAfter)) return { node: $from.nodeAfter, offset: 0, side: 1 };
  return null;
}

/**
 * Writes a character typed at a caret into the caret's DOM text node in place (`insertData`), as the browser's
 * own insertion does, before the transaction that inserts it is dispatched. The redraw then finds the node's
 * text already right and leaves it alone. ProseMirror's redraw writes a changed text node whole, and Chromium
 * reshapes a text node written whole from its first line: a paragraph's worth of layout inside every key.
 * Returns the node written, or null when the character is not a plain extension of one undecorated text node
 * (a mark boundary, decorated or split text), which the redraw handles as usual.
 */
export function writeTypedTextInPlace(view: EditorView, from: number, text: string): Text | null {
  const joined = joinedText(view, from);
  const observer = (view as unknown as ViewInternals).domObserver;
  if (!joined || !observer) return null;
  const { node: dom, offset } = view.domAtPos(from, joined.side);
  const textNode = dom as DescribedText;
  if (
    dom.nodeType !== Node.TEXT_NODE ||
    offset !== joined.offset ||
    textNode.data !== joined.node.text ||
    // A text node with a decoration is wrapped, and its description sits on the wrapper.
    textNode.pmViewDesc?.node.text !== joined.node.text
  )
    return null;
  unobserved(view, () => {
    caretAfterEnd(textNode, offset);
    textNode.insertData(offset, text);
  });
  return textNode;
}

/**
 * A caret at the end of the node written is moved to just after the node, an equivalent place, while the
 * page's layout is still clean. Text appended to a node leaves a caret placed after the node behind the new
 * character, so the redraw finds the DOM's caret already where ProseMirror would put it and does not set it:
 * setting it on the page just written would make Chromium lay the page out inside the key.
 */
function caretAfterEnd(textNode: Text, offset: number) {
  const selection = textNode.ownerDocument.getSelection();
  const parent = textNode.parentNode;
  if (
    !parent ||
    offset !== textNode.length ||
    !selection?.isCollapsed ||
    selection.focusNode !== textNode ||
    selection.focusOffset !== offset
  )
    return;
  selection.collapse(parent, Array.prototype.indexOf.call(parent.childNodes, textNode) + 1);
}

/**
 * After the transaction's redraw: a node the redraw kept without looking at its text (it matched the old
 * document) gets ProseMirror's text back, so the page never shows a character the document does not have.
 */
export function settleTextInPlace(view: EditorView, written: Text): void {
  const desc = (written as DescribedText).pmViewDesc;
  if (!desc || desc.node.text === written.data) return;
  unobserved(view, () => (written.data = desc.node.text!));
}
