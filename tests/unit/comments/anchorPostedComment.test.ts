// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Comment } from '../../../shared/domain/comment';
import { storyExtensions } from '../../../shared/editor';
import { anchoredTexts } from '../../../shared/editor/reanchorComments';
import { anchorPostedComment } from '../../../renderer/features/comments/anchorPostedComment';
import { highlightCommentDraft } from '../../../renderer/features/comments/draftHighlight';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

const rangeOf = (e: Editor, phrase: string) => {
  let found: { from: number; to: number } | null = null;
  e.state.doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(phrase) : -1;
    if (!found && at >= 0) found = { from: pos + at, to: pos + at + phrase.length };
  });
  if (!found) throw new Error(`"${phrase}" is not in the body`);
  return found;
};

/** A comments:create call the test answers when it wants. */
function pendingCreate(id: string) {
  let answer!: () => void;
  const created = new Promise<Comment>((resolve) => {
    answer = () => resolve({ id } as Comment);
  });
  return { create: () => created, answer };
}

describe('a posted comment', () => {
  it('is anchored to its own text when the next comment was begun (and the text moved) before the core answered', async () => {
    editor = new Editor({
      extensions: storyExtensions(),
      content: '<p>Rates will rise sharply.</p><p>Banks wait.</p>',
    });
    const e = editor;
    const first = highlightCommentDraft(e, rangeOf(e, 'rise sharply'));
    const post = pendingCreate('01M8TECKX25B0HQQXP565PK6T6');
    const posting = anchorPostedComment(e, first.now()!, post.create);

    // The comment shows (from the comments:changed event) before the answer arrives, and the next one begins.
    first.release();
    const next = highlightCommentDraft(e, rangeOf(e, 'Banks'));
    e.commands.insertContentAt(1, 'Now: ');
    post.answer();
    await posting;

    expect(Object.fromEntries(anchoredTexts(e.getJSON()))).toEqual({
      '01M8TECKX25B0HQQXP565PK6T6': 'rise sharply',
    });
    expect(next.now()).toEqual(rangeOf(e, 'Banks'));
    expect(e.view.dom.querySelector('.comment-draft-text')?.textContent).toBe('Banks');
  });

  it('is anchored where its text was when that text was deleted meanwhile', async () => {
    editor = new Editor({ extensions: storyExtensions(), content: '<p>Rates will rise sharply.</p>' });
    const e = editor;
    const post = pendingCreate('01M8TECMK44TTM028J2BXRX0G7');
    const posting = anchorPostedComment(e, rangeOf(e, 'will rise'), post.create);
    e.commands.deleteRange({ from: 1, to: e.state.doc.content.size - 1 });
    e.commands.insertContent('Rates rise sharply.');
    post.answer();
    await posting;
    expect(anchoredTexts(e.getJSON()).get('01M8TECMK44TTM028J2BXRX0G7')).toBe('rise shar'); // positions 7–16, where "will rise" was
  });
});
