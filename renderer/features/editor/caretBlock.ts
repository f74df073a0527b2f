import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { isMac } from './shortcutLabel';

/** The class of the top-level block holding the caret. */
export const CARET_BLOCK_CLASS = 'has-caret';

/**
 * Marks the top-level block that holds the caret, so that the stylesheet can exempt it from
 * `content-visibility: auto`. Chromium skips rendering a block just created by Enter until the next
 * frame, and a key typed before that frame lands outside the caret: the block being typed in must
 * always be rendered. The keys that move the caret to the document's start or end are the editor's
 * own for the same reason: the browser's move finds no line in a block it skipped, and Ctrl+End left
 * the caret at the start of a long story's last paragraph.
 */
export const CaretBlock = Extension.create({
  name: 'caretBlock',
  addKeyboardShortcuts() {
    const to = (edge: 'start' | 'end', extend: boolean) => () =>
      this.editor.commands.command(({ tr }) => {
        const target = edge === 'end' ? Selection.atEnd(tr.doc) : Selection.atStart(tr.doc);
        tr.setSelection(extend ? TextSelection.between(tr.selection.$anchor, target.$head) : target);
        tr.scrollIntoView();
        return true;
      });
    const [end, start] = isMac ? ['Meta-ArrowDown', 'Meta-ArrowUp'] : ['Ctrl-End', 'Ctrl-Home'];
    return {
      [end]: to('end', false),
      [start]: to('start', false),
      [`Shift-${end}`]: to('end', true),
      [`Shift-${start}`]: to('start', true),
    };
  },
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
      scrollOncePerFrame(),
    ];
  },
});

/** Whether the caret is inside the scrolled pane that holds the editor (then a scroll would be a transaction for nothing). */
function caretInSight(view: EditorView): boolean {
  const pane = scrollingAncestor(view.dom);
  const caret = view.coordsAtPos(view.state.selection.head);
  const sight = pane?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
  return caret.top >= sight.top + SCROLL_MARGIN && caret.bottom <= sight.bottom - SCROLL_MARGIN;
}

/** ProseMirror's default `scrollMargin`: a caret closer to the edge than this is scrolled. */
const SCROLL_MARGIN = 5;

/** Found once per editor element: reading each ancestor's computed style every frame of typing is needless. */
const panes = new WeakMap<HTMLElement, HTMLElement | null>();

function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  const known = panes.get(element);
  if (known !== undefined && (known === null || known.contains(element))) return known;
  let pane: HTMLElement | null = null;
  for (let node = element.parentElement; node && !pane; node = node.parentElement)
    if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) pane = node;
  panes.set(element, pane);
  return pane;
}

/**
 * Scrolls the caret into view in the next animation frame instead of inside the key handler: measuring
 * the caret there forces a layout of the whole page on every keystroke (the costliest part of a key
 * after ProseMirror's own work), while in the frame the layout is due anyway and keys typed in between
 * share one scroll. A caret in sight needs no scroll, and no transaction (its plugins and React's selectors).
 */
function scrollOncePerFrame(): Plugin {
  let frame = 0;
  let now = false;
  return new Plugin({
    key: new PluginKey('scrollOncePerFrame'),
    props: {
      handleScrollToSelection(view) {
        if (now) return false;
        frame ||= requestAnimationFrame(() => {
          frame = 0;
          if (view.isDestroyed || caretInSight(view)) return;
          now = true;
          try {
            view.dispatch(view.state.tr.scrollIntoView());
          } finally {
            now = false;
          }
        });
        return true;
      },
    },
    view: () => ({ destroy: () => cancelAnimationFrame(frame) }),
  });
}
