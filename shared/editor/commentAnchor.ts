import { Mark } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentAnchor: {
      /** Anchors a comment to the selected text; refused for an empty selection. */
      setCommentAnchor: (attributes: { commentId: string }) => ReturnType;
      /** Removes the anchor of one comment wherever it is in the document, leaving other comments alone. */
      unsetCommentAnchor: (commentId: string) => ReturnType;
    };
  }
}

const COMMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `value` can be the id of a comment anchored in a story. */
export function isCommentId(value: unknown): value is string {
  return typeof value === 'string' && COMMENT_ID.test(value);
}

export function assertCommentId(value: unknown): void {
  if (!isCommentId(value)) throw new RangeError(`Not a comment id: ${JSON.stringify(value)}`);
}

/**
 * Marks the text a review comment is about. Comments may overlap. Renders `<span data-comment-id="…">` in the editor;
 * publishing drops it.
 */
export const CommentAnchor = Mark.create({
  name: 'commentAnchor',
  priority: 1010,
  inclusive: false,
  excludes: '',

  addAttributes() {
    return {
      commentId: {
        isRequired: true,
        rendered: false,
        parseHTML: (element) => element.getAttribute('data-comment-id'),
        validate: assertCommentId,
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'span[data-comment-id]',
        getAttrs: (element) => (isCommentId(element.getAttribute('data-comment-id')) ? null : false),
      },
    ];
  },

  renderHTML({ mark }) {
    return ['span', { 'data-comment-id': String(mark.attrs.commentId) }, 0];
  },

  addCommands() {
    return {
      setCommentAnchor:
        ({ commentId }) =>
        ({ state, tr, dispatch }) => {
          if (!isCommentId(commentId) || state.selection.empty) return false;
          if (dispatch) {
            const mark = this.type.create({ commentId });
            for (const range of state.selection.ranges) tr.addMark(range.$from.pos, range.$to.pos, mark);
          }
          return true;
        },
      unsetCommentAnchor:
        (commentId) =>
        ({ state, tr, dispatch }) => {
          let found = false;
          state.doc.descendants((node, pos) => {
            for (const mark of node.marks) {
              if (mark.type !== this.type || mark.attrs.commentId !== commentId) continue;
              found = true;
              if (dispatch) tr.removeMark(pos, pos + node.nodeSize, mark);
            }
          });
          return found;
        },
    };
  },
});
