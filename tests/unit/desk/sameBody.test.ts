import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Story } from '../../../shared/domain/story';
import { readStoryFromDoc, writeStoryToDoc } from '../../../main/services/desk/storyDoc';
import { sameBody } from '../../../main/services/desk/sameBody';

const body = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Harbour' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The wall ' },
        { type: 'text', marks: [{ type: 'bold' }], text: 'will' },
        { type: 'text', text: ' be rebuilt.' },
      ],
    },
  ],
} as Story['body'];

describe('sameBody', () => {
  it('holds a body read back from its Y.Doc the same as the one written, and an edit different', () => {
    const doc = new Y.Doc();
    const fields = { headline: '', standfirst: '', byline: '', dateline: '', credit: '', slug: '' };
    const story = { ...fields, sectionId: null, featuredImage: null, embargoUntil: null, body };
    writeStoryToDoc(doc, story, null);
    const back = readStoryFromDoc(doc, story).body;
    expect(JSON.stringify(back)).not.toBe(JSON.stringify(body)); // spelled differently…
    expect(sameBody(back, body)).toBe(true);
    const edited = JSON.parse(
      JSON.stringify(body).replace(' be rebuilt.', ' be rebuilt soon.'),
    ) as Story['body'];
    expect(sameBody(edited, body)).toBe(false);
  });
});
