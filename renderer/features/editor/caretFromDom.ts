import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** Where the DOM's selection is in the editor's document, or null when it is not in the editor. */
function domSelection(view: EditorView): { anchor: number; head: number } | null {
  const dom = view.dom.ownerDocument.getSelection();
  if (
    !dom?.anchorNode ||
    !dom.focusNode ||
    !view.dom.contains(dom.anchorNode) ||
    !view.dom.contains(dom.focusNode)
  )
    return null;
  try {
    return {
      anchor: view.posAtDOM(dom.anchorNode, dom.anchorOffset),
      head: view.posAtDOM(dom.focusNode, dom.focusOffset),
    };
  } catch {
    return null;
  }
}

/**
 * Whether the editor's selection is where the DOM's caret is. A caret moved by the browser (a click, End, an
 * arrow key, a selection made by a script or an assistive tool) reaches the editor's state only with the next
 * selectionchange, which back-to-back keys can beat.
 */
export function caretIsCurrent(view: EditorView, selection: TextSelection): boolean {
  const dom = domSelection(view);
  return dom !== null && dom.anchor === selection.anchor && dom.head === selection.head;
}

/**
 * Before any key's command runs (a shortcut, Enter, a typed character), the editor takes the DOM's selection if
 * it has not heard of it yet: Ctrl+Alt+M pressed right after selecting a phrase comments on that phrase, not on
 * the selection before it.
 */
export const CaretFromDom = Extension.create({
  name: 'caretFromDom',
  priority: 1000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretFromDom'),
        props: {
          handleKeyDown(view, event) {
            const { selection } = view.state;
            if (event.target !== view.dom || !(selection instanceof TextSelection)) return false;
            const dom = domSelection(view);
            if (!dom || (dom.anchor === selection.anchor && dom.head === selection.head)) return false;
            const { doc } = view.state;
            view.dispatch(
              view.state.tr.setSelection(
                TextSelection.between(doc.resolve(dom.anchor), doc.resolve(dom.head)),
              ),
            );
            return false;
          },
        },
      }),
    ];
  },
});
