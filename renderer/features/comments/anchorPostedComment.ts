import type { Editor } from '@tiptap/react';
import type { Comment } from '../../../shared/domain/comment';
import type { AnchorRange } from './anchorRanges';
import { followRange } from './draftHighlight';

/**
 * Writes a comment (`create`) about `range` and, once the core has it, anchors it to that text wherever it has
 * moved meanwhile — not to whatever is highlighted or selected by then, since a next comment may have begun.
 * When the text was deleted meanwhile, the anchor goes where it was (within the document).
 */
export async function anchorPostedComment(
  editor: Editor,
  range: AnchorRange,
  create: () => Promise<Comment>,
): Promise<Comment> {
  const clamp = ({ from, to }: AnchorRange) => {
    const size = editor.state.doc.content.size;
    return { from: Math.min(from, size), to: Math.min(to, size) };
  };
  const at = clamp(range);
  const followed = followRange(editor, at);
  try {
    const comment = await create();
    if (editor.isDestroyed) return comment;
    const target = followed.now() ?? clamp(at);
    editor.chain().setTextSelection(target).setCommentAnchor({ commentId: comment.id }).run();
    return comment;
  } finally {
    followed.release();
  }
}
