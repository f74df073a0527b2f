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

/** ProseMirror's default `scrollMargin`: a caret closer to the edge than this is scrolled. */
const SCROLL_MARGIN = 5;

/** The scrolled pane that holds an editor, and the pane's sticky bars beside the editor's path to it. */
interface Pane {
  element: HTMLElement;
  /** Bars stuck to the pane's top (its header, the editor's toolbar) or bottom (its status bar): text under them is hidden. */
  bars: { element: HTMLElement; edge: 'top' | 'bottom' }[];
}

/** Found once per editor element: reading each ancestor's computed style every frame of typing is needless. */
const panes = new WeakMap<HTMLElement, Pane | null>();

function paneOf(editor: HTMLElement): Pane | null {
  const known = panes.get(editor);
  if (known !== undefined && (known === null || known.element.contains(editor))) return known;
  let pane: Pane | null = null;
  const bars: Pane['bars'] = [];
  for (let node = editor; node.parentElement && !pane; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      const style = getComputedStyle(sibling);
      if (sibling !== node && style.position === 'sticky' && sibling instanceof HTMLElement)
        bars.push({ element: sibling, edge: style.bottom !== 'auto' ? 'bottom' : 'top' });
    }
    if (/(auto|scroll)/.test(getComputedStyle(node.parentElement).overflowY))
      pane = { element: node.parentElement, bars };
  }
  panes.set(editor, pane);
  return pane;
}

/**
 * The band of the pane where the editor's caret can be seen: below the bars stuck to its top, above those at
 * its bottom. A sticky panel beside the editor's column (the side panel) hides none of it.
 */
function sightOf(view: EditorView, pane: Pane): { top: number; bottom: number } {
  let { top, bottom } = pane.element.getBoundingClientRect();
  const column = view.dom.getBoundingClientRect();
  for (const bar of pane.bars) {
    const rect = bar.element.getBoundingClientRect();
    if (rect.right <= column.left || rect.left >= column.right) continue;
    if (bar.edge === 'top') top = Math.max(top, rect.bottom);
    else bottom = Math.min(bottom, rect.top);
  }
  return { top: top + SCROLL_MARGIN, bottom: bottom - SCROLL_MARGIN };
}

/** How far the pane must scroll for the caret to be in its sight (0: it is). */
function scrollToCaret(view: EditorView, pane: Pane): number {
  const caret = view.coordsAtPos(view.state.selection.head);
  const sight = sightOf(view, pane);
  if (caret.top < sight.top) return caret.top - sight.top;
  if (caret.bottom > sight.bottom) return Math.min(caret.bottom - sight.bottom, caret.top - sight.top);
  return 0;
}

/**
 * Scrolls the caret into view in the next animation frame instead of inside the key handler: measuring
 * the caret there forces a layout of the whole page on every keystroke (the costliest part of a key
 * after ProseMirror's own work), while in the frame the layout is due anyway and keys typed in between
 * share one scroll. In the app's pane it scrolls the pane itself, no transaction (its plugins and React's
 * selectors), and only when the caret is out of the pane's sight, under none of its sticky bars; ProseMirror's
 * own scroll knows nothing of them and left the line being typed under the status bar.
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
          if (view.isDestroyed) return;
          const pane = paneOf(view.dom);
          if (pane) {
            const by = scrollToCaret(view, pane);
            if (by) pane.element.scrollTop += by;
            return;
          }
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
