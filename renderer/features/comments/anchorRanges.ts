import type { Editor } from '@tiptap/react';

export interface AnchorRange {
  from: number;
  to: number;
}

/** Where each comment's anchor is in the live document: its first range, in document order. */
export function anchorRanges(editor: Editor): Map<string, AnchorRange> {
  const ranges = new Map<string, AnchorRange>();
  editor.state.doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (mark.type.name !== 'commentAnchor') continue;
      const id = String(mark.attrs.commentId);
      const range = ranges.get(id);
      if (!range) ranges.set(id, { from: pos, to: pos + node.nodeSize });
      else if (range.to === pos) range.to = pos + node.nodeSize;
    }
  });
  return ranges;
}

/** The comment ids anchored at the cursor or selection start. */
export function commentsAtSelection(editor: Editor): string[] {
  const { $from } = editor.state.selection;
  const marks = [...$from.marks(), ...($from.nodeAfter?.marks ?? [])];
  return [
    ...new Set(marks.filter((m) => m.type.name === 'commentAnchor').map((m) => String(m.attrs.commentId))),
  ];
}
