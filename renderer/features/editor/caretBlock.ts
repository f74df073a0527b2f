import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class of the top-level block holding the caret. */
export const CARET_BLOCK_CLASS = 'has-caret';

/**
 * Marks the top-level block that holds the caret, so that the stylesheet can exempt it from
 * `content-visibility: auto`. Chromium skips rendering a block just created by Enter until the next
 * frame, and a key typed before that frame lands outside the caret: the block being typed in must
 * always be rendered.
 */
export const CaretBlock = Extension.create({
  name: 'caretBlock',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretBlock'),
        props: {
          decorations(state) {
            const { $head } = state.selection;
            const start = $head.depth > 0 ? $head.before(1) : $head.pos;
            const block = state.doc.nodeAt(start);
            if (!block) return null;
            return DecorationSet.create(state.doc, [
              Decoration.node(start, start + block.nodeSize, { class: CARET_BLOCK_CLASS }),
            ]);
          },
        },
      }),
    ];
  },
});
