// @vitest-environment happy-dom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { storyExtensions } from '../../../shared/editor';
import { MEDIA_SRC, STORY_ID } from './fixtures';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function editorWith(html: string): Editor {
  editor = new Editor({ extensions: storyExtensions(), content: html });
  return editor;
}

const firstBlock = (e: Editor) => e.getJSON().content?.[0];

describe('link', () => {
  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '/relative',
    'example.com',
  ])('refuses setLink to %j', (href) => {
    const e = editorWith('<p>Hello</p>');
    e.commands.setTextSelection({ from: 1, to: 6 });
    expect(e.commands.setLink({ href })).toBe(false);
    expect(e.getHTML()).toBe('<p>Hello</p>');
  });

  it('sets an allowed link with rel and no target', () => {
    const e = editorWith('<p>Hello</p>');
    e.commands.setTextSelection({ from: 1, to: 6 });
    expect(e.commands.setLink({ href: 'mailto:desk@example.com' })).toBe(true);
    expect(e.getHTML()).toBe('<p><a href="mailto:desk@example.com" rel="noopener noreferrer">Hello</a></p>');
  });
});

describe('pull quote', () => {
  it('turns a paragraph into a pull quote and back', () => {
    const e = editorWith('<p>Quote me</p>');
    expect(e.commands.setPullQuote()).toBe(true);
    expect(firstBlock(e)).toEqual({ type: 'pullQuote', content: [{ type: 'text', text: 'Quote me' }] });
    expect(e.commands.togglePullQuote()).toBe(true);
    expect(firstBlock(e)).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Quote me' }] });
  });
});

describe('figure', () => {
  it('inserts a figure with defaults for missing text', () => {
    const e = editorWith('<p></p>');
    expect(e.commands.insertFigure({ src: MEDIA_SRC, caption: 'Crowd' })).toBe(true);
    expect(firstBlock(e)).toEqual({
      type: 'figure',
      attrs: { src: MEDIA_SRC, alt: '', caption: 'Crowd', credit: '' },
    });
  });

  it.each(['javascript:alert(1)', 'data:image/png;base64,AA', 'file:///tmp/a.png', 'media/a.png'])(
    'refuses the image source %j',
    (src) => {
      const e = editorWith('<p></p>');
      expect(e.commands.insertFigure({ src })).toBe(false);
      expect(e.getHTML()).toBe('<p></p>');
    },
  );

  const blocks = (e: Editor) => {
    const texts: string[] = [];
    e.state.doc.forEach((block) => texts.push(block.type.name === 'figure' ? 'FIGURE' : block.textContent));
    return texts;
  };
  const typeAfter = (e: Editor) => {
    e.commands.insertContent('X');
    return blocks(e);
  };

  it.each([
    [
      'mid-sentence: after its paragraph, the sentence whole, the caret where it was',
      9,
      ['The voteX was close.', 'FIGURE', 'Turnout fell.'],
    ],
    ['at the start of a paragraph: before it', 1, ['FIGURE', 'XThe vote was close.', 'Turnout fell.']],
    [
      'at the end of a paragraph: after it, typing below it',
      20,
      ['The vote was close.', 'FIGURE', 'X', 'Turnout fell.'],
    ],
    [
      'at the end of the story: after it, typing below it',
      35,
      ['The vote was close.', 'Turnout fell.', 'FIGURE', 'X'],
    ],
  ])('inserts a figure between paragraphs, never inside a sentence — %s', (_, caret, expected) => {
    const e = editorWith('<p>The vote was close.</p><p>Turnout fell.</p>');
    e.commands.setTextSelection(caret);
    expect(e.commands.insertFigure({ src: MEDIA_SRC })).toBe(true);
    expect(typeAfter(e)).toEqual(expected);
  });

  it('puts a figure over a selection after the paragraph where the selection ends, keeping the text', () => {
    const e = editorWith('<p>The vote was close.</p><p>Turnout fell.</p>');
    e.commands.setTextSelection({ from: 5, to: 25 });
    e.commands.insertFigure({ src: MEDIA_SRC });
    expect(blocks(e)).toEqual(['The vote was close.', 'Turnout fell.', 'FIGURE', '']); // '': the trailing paragraph
  });

  it('takes the place of the empty paragraph holding the caret', () => {
    const e = editorWith('<p>The vote was close.</p><p></p><p>Turnout fell.</p>');
    e.commands.setTextSelection(22);
    e.commands.insertFigure({ src: MEDIA_SRC });
    expect(typeAfter(e)).toEqual(['The vote was close.', 'FIGURE', 'X', 'Turnout fell.']);
  });

  it('updates the selected figure, refusing a bad source', () => {
    const e = editorWith('<p></p>');
    e.commands.insertFigure({ src: MEDIA_SRC });
    e.commands.setNodeSelection(0);
    expect(e.commands.updateFigure({ credit: 'Reuters' })).toBe(true);
    expect(e.commands.updateFigure({ src: 'javascript:x' })).toBe(false);
    expect(firstBlock(e)?.attrs).toEqual({ src: MEDIA_SRC, alt: '', caption: '', credit: 'Reuters' });
  });
});

describe('also read', () => {
  it('inserts an also-read block, refusing an invalid id', () => {
    const e = editorWith('<p></p>');
    expect(e.commands.insertAlsoRead({ storyId: 'nope', headline: 'x' })).toBe(false);
    expect(e.commands.insertAlsoRead({ storyId: STORY_ID, headline: 'Budget' })).toBe(true);
    expect(firstBlock(e)).toEqual({ type: 'alsoRead', attrs: { storyId: STORY_ID, headline: 'Budget' } });
    expect(e.getText()).toContain('ALSO READ: Budget');
  });

  it('goes between paragraphs, not inside a sentence', () => {
    const e = editorWith('<p>The vote was close.</p>');
    e.commands.setTextSelection(9);
    e.commands.insertAlsoRead({ storyId: STORY_ID, headline: 'Budget' });
    expect(e.getJSON().content?.map((block) => block.type)).toEqual(['paragraph', 'alsoRead', 'paragraph']);
    expect(e.getText()).toContain('The vote was close.');
  });
});

describe('story link', () => {
  it('unlinks one story everywhere: its inline links keep their text, its Also read blocks go', () => {
    const e = editorWith(
      `<p>See <a data-story-id="${STORY_ID}">the budget</a> and <a data-story-id="${STORY_ID}">more</a>.</p>` +
        `<aside class="also-read" data-story-id="${STORY_ID}">Budget</aside><p>End.</p>`,
    );
    expect(e.getJSON().content?.map((block) => block.type)).toEqual(['paragraph', 'alsoRead', 'paragraph']);
    expect(e.commands.unlinkStory(STORY_ID)).toBe(true);
    expect(e.getHTML()).toBe('<p>See the budget and more.</p><p>End.</p>');
    expect(e.commands.unlinkStory(STORY_ID)).toBe(false);
  });

  it('links the selection, replacing a web link, and unlinks it', () => {
    const e = editorWith('<p><a href="https://example.com">Budget</a> news</p>');
    e.commands.setTextSelection({ from: 1, to: 7 });
    expect(e.commands.setStoryLink({ storyId: 'nope' })).toBe(false);
    expect(e.commands.setStoryLink({ storyId: STORY_ID })).toBe(true);
    expect(e.getHTML()).toBe(
      `<p><a data-story-id="${STORY_ID}" href="#story-${STORY_ID}">Budget</a> news</p>`,
    );
    e.commands.setTextSelection(3);
    expect(e.commands.unsetStoryLink()).toBe(true);
    expect(e.getHTML()).toBe('<p>Budget news</p>');
  });

  it('inserts the headline as linked text at the cursor', () => {
    const e = editorWith('<p>See .</p>');
    e.commands.setTextSelection(5);
    expect(e.commands.setStoryLink({ storyId: STORY_ID, headline: 'Budget' })).toBe(true);
    expect(e.getHTML()).toBe(
      `<p>See <a data-story-id="${STORY_ID}" href="#story-${STORY_ID}">Budget</a>.</p>`,
    );
  });
});

describe('comment anchor', () => {
  it('anchors overlapping comments and removes one without the other', () => {
    const e = editorWith('<p>Hello world</p>');
    e.commands.setTextSelection(3);
    expect(e.commands.setCommentAnchor({ commentId: 'c1' })).toBe(false);
    e.commands.setTextSelection({ from: 1, to: 6 });
    expect(e.commands.setCommentAnchor({ commentId: 'c1' })).toBe(true);
    e.commands.setTextSelection({ from: 3, to: 9 });
    expect(e.commands.setCommentAnchor({ commentId: 'c2' })).toBe(true);
    expect(e.getHTML()).toBe(
      '<p><span data-comment-id="c1">He<span data-comment-id="c2">llo</span></span><span data-comment-id="c2"> wo</span>rld</p>',
    );
    expect(e.commands.unsetCommentAnchor('c1')).toBe(true);
    expect(e.getHTML()).toBe('<p>He<span data-comment-id="c2">llo wo</span>rld</p>');
    expect(e.commands.unsetCommentAnchor('c1')).toBe(false);
  });

  it('does not grow when typing at its end', () => {
    const e = editorWith('<p>Hello</p>');
    e.commands.setTextSelection({ from: 1, to: 6 });
    e.commands.setCommentAnchor({ commentId: 'c1' });
    e.commands.setTextSelection(6);
    e.commands.insertContent('!');
    expect(e.getHTML()).toBe('<p><span data-comment-id="c1">Hello</span>!</p>');
  });
});
