// @vitest-environment happy-dom
import { Editor, Extension } from '@tiptap/core';
import { Plugin, TextSelection } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, expect, it } from 'vitest';
import { settleTextInPlace, writeTypedTextInPlace } from '../../../renderer/features/editor/textInPlace';

const editors: Editor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

/** Refuses every edit, as a plugin's filterTransaction may. */
const RefuseEdits = Extension.create({
  name: 'refuseEdits',
  addProseMirrorPlugins: () => [new Plugin({ filterTransaction: (tr) => !tr.docChanged })],
});

function editorWith(html: string, extensions: Extension[] = []) {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [StarterKit, ...extensions],
    content: html,
  });
  editors.push(editor);
  return editor;
}

/** Types `text` at `at` the way TypedText does: written in place, then the transaction, then settled. */
function typeAt(editor: Editor, at: number, text: string) {
  const { view } = editor;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)));
  const written = writeTypedTextInPlace(view, at, text);
  view.dispatch(view.state.tr.insertText(text));
  if (written) settleTextInPlace(view, written);
  return written;
}

const paragraphText = (editor: Editor) => editor.view.dom.querySelector('p')!.firstChild as Text;

it('writes a key into the text node it joins, which the redraw then keeps', () => {
  const editor = editorWith('<p>Ferries run</p>');
  const before = paragraphText(editor);
  expect(typeAt(editor, 12, 's')).toBe(before);
  expect(typeAt(editor, 1, '>')).toBe(before);
  expect(paragraphText(editor)).toBe(before);
  expect(before.data).toBe('>Ferries runs');
  expect(editor.getText()).toBe('>Ferries runs');
});

it('takes the character back out when the transaction does not go in', () => {
  const editor = editorWith('<p>Ferries run</p>', [RefuseEdits]);
  expect(typeAt(editor, 12, 's')).not.toBeNull();
  expect(paragraphText(editor).data).toBe('Ferries run');
  expect(editor.getText()).toBe('Ferries run');
});

it('leaves a key at a mark edge, in decorated text or beside other content to the redraw', () => {
  // Italic typed between bold and plain text, and plain text typed after bold that ends the paragraph.
  const marked = editorWith('<p>the <strong>mayor</strong> said</p>').view;
  marked.dispatch(marked.state.tr.setStoredMarks([marked.state.schema.marks.italic!.create()]));
  expect(writeTypedTextInPlace(marked, 10, 'x')).toBeNull();
  const ending = editorWith('<p>the <strong>mayor</strong></p>').view;
  ending.dispatch(ending.state.tr.setStoredMarks([]));
  expect(writeTypedTextInPlace(ending, 10, 'x')).toBeNull();

  const Highlight = Extension.create({
    name: 'highlight',
    addProseMirrorPlugins: () => [
      new Plugin({
        props: {
          decorations: (state) => DecorationSet.create(state.doc, [Decoration.inline(1, 4, { class: 'x' })]),
        },
      }),
    ],
  });
  const decorated = editorWith('<p>vote count</p>', [Highlight]);
  expect(writeTypedTextInPlace(decorated.view, 2, 'o')).toBeNull();
  expect(writeTypedTextInPlace(decorated.view, 6, 'o')).toBeNull();
  expect(writeTypedTextInPlace(editorWith('<p></p>').view, 1, 'a')).toBeNull();
});
