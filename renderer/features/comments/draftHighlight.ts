import type { Editor } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { AnchorRange } from './anchorRanges';

const key = new PluginKey<DecorationSet>('commentDraft');

/**
 * Keeps `range` highlighted in the editor while its comment is being written (the selection is hidden once focus
 * moves to the comment box), following edits made meanwhile. Returns what removes the highlight.
 */
export function highlightCommentDraft(editor: Editor, range: AnchorRange): () => void {
  editor.registerPlugin(
    new Plugin<DecorationSet>({
      key,
      state: {
        init: (_, state) =>
          DecorationSet.create(state.doc, [
            Decoration.inline(range.from, range.to, { class: 'comment-draft-text' }),
          ]),
        apply: (tr, set) => set.map(tr.mapping, tr.doc),
      },
      props: { decorations: (state) => key.getState(state) },
    }),
  );
  return () => {
    if (!editor.isDestroyed) editor.unregisterPlugin(key);
  };
}

/** Where the highlighted draft text is now, or null when it was deleted or nothing is highlighted. */
export function commentDraftRange(editor: Editor): AnchorRange | null {
  const [found] = key.getState(editor.state)?.find() ?? [];
  return found && found.from < found.to ? { from: found.from, to: found.to } : null;
}
