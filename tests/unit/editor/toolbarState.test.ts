// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isActiveAtCaret } from '../../../renderer/features/editor/isActiveAtCaret';
import { undoState } from '../../../renderer/features/editor/undoState';
import { storyExtensions } from '../../../shared/editor';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const CHECKS: [string, Record<string, unknown>?][] = [
  ['bold'],
  ['italic'],
  ['underline'],
  ['strike'],
  ['link'],
  ['heading', { level: 2 }],
  ['heading', { level: 3 }],
  ['bulletList'],
  ['orderedList'],
  ['blockquote'],
  ['pullQuote'],
  ['figure'],
  ['paragraph'],
  ['listItem'],
];

const HTML = [
  '<h2>A <strong>bold</strong> heading</h2>',
  '<h3>Smaller</h3>',
  '<p>Plain, <em>italic</em>, <u>under</u>, <s>struck</s> and <a href="https://example.org/">linked</a>.</p>',
  '<ul><li><p>one <strong>two</strong></p></li><li><p>three</p></li></ul>',
  '<ol><li><p>first</p></li></ol>',
  '<blockquote><p>Quoted <em>words</em></p></blockquote>',
  '<p>End</p>',
].join('');

describe('the toolbar state', () => {
  it('is what editor.isActive says at every caret position, with stored marks, and for selections', () => {
    editor = new Editor({ extensions: storyExtensions(), content: HTML });
    const e = editor;
    const compare = (where: string) => {
      for (const [name, attributes] of CHECKS)
        expect(isActiveAtCaret(e.state, name, attributes), `${name} ${where}`).toBe(
          e.isActive(name, attributes ?? {}),
        );
    };
    let carets = 0;
    for (let pos = 0; pos <= e.state.doc.content.size; pos++) {
      const $pos = e.state.doc.resolve(pos);
      if (!$pos.parent.inlineContent) continue;
      e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, pos)));
      compare(`at ${pos}`);
      carets++;
    }
    expect(carets).toBeGreaterThan(50);
    e.commands.setTextSelection(3);
    e.commands.toggleBold();
    expect(isActiveAtCaret(e.state, 'bold')).toBe(true);
    compare('with a stored bold mark');
    e.commands.setTextSelection({ from: 2, to: 12 });
    compare('over a range');
    e.view.dispatch(e.state.tr.setSelection(NodeSelection.create(e.state.doc, 0)));
    compare('with a node selected');
  });

  it("says whether undo and redo would act, as TipTap's can() does", () => {
    editor = new Editor({ extensions: [StarterKit], content: '<p>Hello</p>' });
    const e = editor;
    const viaCan = () => ({ canUndo: e.can().undo(), canRedo: e.can().redo() });
    expect(undoState(e)).toEqual({ canUndo: false, canRedo: false });
    e.commands.insertContent(' world');
    expect(undoState(e)).toEqual({ canUndo: true, canRedo: false });
    expect(undoState(e)).toEqual(viaCan());
    e.commands.undo();
    expect(undoState(e)).toEqual({ canUndo: false, canRedo: true });
    expect(undoState(e)).toEqual(viaCan());
  });

  it("asks collaboration's own history when TipTap's is off", () => {
    editor = new Editor({
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: new Y.Doc() }),
      ],
    });
    const e = editor;
    expect(undoState(e)).toEqual({ canUndo: false, canRedo: false });
    e.commands.insertContent('Hello');
    expect(undoState(e)).toEqual({ canUndo: true, canRedo: false });
    e.commands.undo();
    expect(undoState(e)).toEqual({ canUndo: false, canRedo: true });
  });
});
