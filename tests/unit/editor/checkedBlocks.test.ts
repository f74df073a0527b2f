import { describe, expect, it } from 'vitest';
import { cleanStoryBody } from '../../../shared/editor';
import { InvalidDocumentError } from '../../../shared/editor/parseStoryDoc';

const paragraph = (text: string, marks?: unknown[]) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
});
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('a body cleaned block by block', () => {
  it('gives a block seen before the very node it checked then, and checks a changed block anew', () => {
    const first = cleanStoryBody(doc(paragraph('The ferry runs.'), paragraph('Tolls are waived.')));
    const second = cleanStoryBody(doc(paragraph('The ferry runs.'), paragraph('Tolls are waived today.')));
    expect(second.doc.child(0)).toBe(first.doc.child(0));
    expect(second.doc.child(1)).not.toBe(first.doc.child(1));
    expect(second.doc.child(1).textContent).toBe('Tolls are waived today.');
    expect(second.facts).toMatchObject({ text: 'The ferry runs.\n\nTolls are waived today.', wordCount: 7 });
  });

  it('cleans and refuses a block whether or not its neighbours were seen before', () => {
    cleanStoryBody(doc(paragraph('Seen before.')));
    const dirty = cleanStoryBody(doc(paragraph('Seen before.'), paragraph('Bad\u0000char\u202E here')));
    expect(dirty.doc.child(1).textContent).toBe('Badchar here');
    expect(() => cleanStoryBody(doc(paragraph('Seen before.'), { type: 'script', content: [] }))).toThrow(
      InvalidDocumentError,
    );
    expect(() =>
      cleanStoryBody(
        doc(
          paragraph('Seen before.'),
          paragraph('x', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
        ),
      ),
    ).toThrow(InvalidDocumentError);
  });

  it('stores the normalised JSON and reads links, media and comments of each block in document order, once each', () => {
    const link = { type: 'storyLink', attrs: { storyId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } };
    const body = doc(paragraph('See this', [link]), {
      type: 'paragraph',
      attrs: { unknown: 1 },
      content: [{ type: 'text', text: 'and again', marks: [link] }],
    });
    const cleaned = cleanStoryBody(body);
    expect(cleaned.body).toEqual(cleaned.doc.toJSON());
    expect(cleaned.facts.links).toEqual([
      { storyId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', kind: 'inline', headline: '' },
    ]);
    expect(cleaned.facts.wordCount).toBe(4);
  });

  it('keeps the whole-body limits when the blocks come from the cache', () => {
    const big = paragraph('word '.repeat(50_000));
    cleanStoryBody(doc(big));
    expect(() => cleanStoryBody(doc(...Array.from({ length: 10 }, () => big)))).toThrow(
      /at most 2000000 characters/,
    );
  });
});
