import { describe, expect, it } from 'vitest';
import {
  cleanStoryBody,
  InvalidDocumentError,
  parseStoryDoc,
  readStoryDoc,
  STORY_BODY_LIMITS,
  storyToText,
  withAlsoReadHeadlines,
} from '../../../shared/editor';
import { everyNodeDoc, MEDIA_SRC, OTHER_STORY_ID, STORY_ID } from './fixtures';

describe('readStoryDoc, the one traversal of a story body', () => {
  it('reads links, media, comment anchors, text and word count in one pass, in document order', () => {
    const facts = readStoryDoc(everyNodeDoc);
    expect(facts.links).toEqual([
      { storyId: OTHER_STORY_ID, kind: 'inline', headline: '' },
      { storyId: STORY_ID, kind: 'also_read', headline: 'Budget: what changes' },
    ]);
    expect(facts.media).toEqual([MEDIA_SRC]);
    expect(facts.commentIds).toEqual(['c1']);
    expect(facts.text).toBe(storyToText(everyNodeDoc));
    expect(facts.text.split('\n\n')).toHaveLength(11);
    expect(facts.wordCount).toBe(41);
  });

  it('reads the same parsed document and the same JSON object once', () => {
    const doc = parseStoryDoc(everyNodeDoc);
    expect(readStoryDoc(doc)).toBe(readStoryDoc(doc));
    expect(readStoryDoc(everyNodeDoc)).toBe(readStoryDoc(everyNodeDoc));
  });

  it('refuses what is not a story body', () => {
    expect(() => readStoryDoc({ type: 'doc', content: [{ type: 'script' }] })).toThrow(InvalidDocumentError);
  });

  it('shows each also-read block with the headline its story has now', () => {
    const updated = withAlsoReadHeadlines(everyNodeDoc, (id) => (id === STORY_ID ? 'Budget passes' : null));
    expect(readStoryDoc(updated).links[1]).toEqual({
      storyId: STORY_ID,
      kind: 'also_read',
      headline: 'Budget passes',
    });
    expect(readStoryDoc(everyNodeDoc).links[1]!.headline).toBe('Budget: what changes');
  });
});

describe('cleanStoryBody, what the core stores of a body from anywhere', () => {
  it('drops attributes the schema does not know, fills defaults and strips forbidden characters', () => {
    const { body } = cleanStoryBody({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { onclick: 'alert(1)' },
          content: [{ type: 'text', text: 'Head\u0000line\u202e' }],
        },
        { type: 'figure', attrs: { src: MEDIA_SRC, style: 'x', caption: 'Cap\u0008' } },
      ],
    });
    expect(body).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Headline' }] },
        { type: 'figure', attrs: { src: MEDIA_SRC, alt: '', caption: 'Cap', credit: '' } },
      ],
    });
  });

  it.each([
    ['a javascript: link', { type: 'link', attrs: { href: 'javascript:alert(1)' } }],
    ['a link with a hidden scheme', { type: 'link', attrs: { href: 'java\tscript:alert(1)' } }],
    ['a link target other than _blank', { type: 'link', attrs: { href: 'https://e.com/', target: 'frame' } }],
  ])('refuses %s', (_, mark) => {
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [mark] }] }],
    };
    expect(() => cleanStoryBody(body)).toThrow(InvalidDocumentError);
  });

  it('refuses a body nested too deeply to walk, and one too large', () => {
    let deep: object = { type: 'paragraph' };
    for (let i = 0; i < 500; i++) deep = { type: 'blockquote', content: [deep] };
    expect(() => cleanStoryBody({ type: 'doc', content: [deep] })).toThrow(/Nested deeper/);
    const paragraphs = Array.from({ length: STORY_BODY_LIMITS.nodes }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x' }],
    }));
    expect(() => cleanStoryBody({ type: 'doc', content: paragraphs })).toThrow(/at most 100000 nodes/);
  });
});
