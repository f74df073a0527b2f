import { describe, expect, it } from 'vitest';
import { extractLinkTargets } from '../../../shared/editor/storyDocRefs';
import { InvalidDocumentError } from '../../../shared/editor';

const A = '01HZZZZZZZZZZZZZZZZZZZZZZA';
const B = '01HZZZZZZZZZZZZZZZZZZZZZZB';
const SELF = '01HZZZZZZZZZZZZZZZZZZZZZZC';

const linked = (text: string, storyId: unknown, extra: object[] = []) => ({
  type: 'text',
  text,
  marks: [{ type: 'bold' }, { type: 'storyLink', attrs: { storyId } }, ...extra],
});

describe('extractLinkTargets', () => {
  it('finds story links at any depth and also-read blocks, once each, sorted', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'alsoRead', attrs: { storyId: B, headline: 'B' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'plain' }, linked('a', A), linked('again', A)] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'item' }] },
                { type: 'blockquote', content: [{ type: 'paragraph', content: [linked('b', B)] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(extractLinkTargets(body)).toEqual([
      { toId: B, kind: 'also_read' },
      { toId: A, kind: 'inline' },
      { toId: B, kind: 'inline' },
    ]);
  });

  it('ignores other marks and links to the story itself', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [linked('self', SELF)] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'web', marks: [{ type: 'link', attrs: { href: 'https://e.com/' } }] },
          ],
        },
      ],
    };
    expect(extractLinkTargets(body, SELF)).toEqual([]);
  });

  it.each([
    [
      'a malformed story id',
      { type: 'doc', content: [{ type: 'paragraph', content: [linked('x', 'not-an-id')] }] },
    ],
    ['a numeric story id', { type: 'doc', content: [{ type: 'paragraph', content: [linked('y', 42)] }] }],
    ['an also-read without attributes', { type: 'doc', content: [{ type: 'alsoRead' }] }],
    ['null', null],
    ['a doc whose content is not a list', { type: 'doc', content: 'nope' }],
  ])('refuses a body with %s: it is not a story body', (_, body) => {
    expect(() => extractLinkTargets(body)).toThrow(InvalidDocumentError);
  });

  it('walks a very long document without running out of stack', () => {
    const content = Array.from({ length: 200_000 }, (_, i) => ({
      type: 'paragraph',
      content: [i === 199_999 ? linked('last', A) : { type: 'text', text: 'x' }],
    }));
    expect(extractLinkTargets({ type: 'doc', content })).toEqual([{ toId: A, kind: 'inline' }]);
  });
});
