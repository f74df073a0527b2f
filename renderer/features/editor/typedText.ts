import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { caretIsCurrent } from './caretFromDom';
import { settleTextInPlace, writeTypedTextInPlace } from './textInPlace';

/**
 * Inserts a typed character with a ProseMirror transaction in the keypress, as ProseMirror itself does
 * for a selection across blocks, instead of letting the browser's editing command insert it and
 * reading the change back from the DOM. The browser's command lays out the page synchronously and
 * fires `input`, whose listeners (React's, on the root) pull the DOM read and the transaction into
 * the same key event; a transaction alone leaves the layout to the next frame. At a caret inside one
 * text node the character is also written into that node in place first (textInPlace), so the redraw
 * does not rewrite the paragraph's text. Composition (IME, dictation) fires no keypress and keeps the
 * browser's path; Enter and the like stay with the keymaps.
 */
export const TypedText = Extension.create({
  name: 'typedText',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedText'),
        props: {
          handleKeyPress(view, event) {
            const text = String.fromCharCode(event.charCode);
            const { selection } = view.state;
            if (/[\r\n]/.test(text) || !(selection instanceof TextSelection)) return false;
            if (!caretIsCurrent(view, selection)) return false;
            const { from, to } = selection;
            const insert = () => view.state.tr.insertText(text).scrollIntoView();
            if (view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert)))
              return true;
            const written = from === to ? writeTypedTextInPlace(view, from, text) : null;
            view.dispatch(insert());
            if (written) settleTextInPlace(view, written);
            return true;
          },
        },
      }),
    ];
  },
});
