import type { JSONContent } from '@tiptap/core';

export const STORY_ID = '01HZY3J5M0A7QW8E9R2T4Y6V8K';
export const OTHER_STORY_ID = '01HZY3J5M0A7QW8E9R2T4Y6V8M';
export const MEDIA_SRC = `media/${'ab'.repeat(32)}.jpg`;

const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

/** A story body using every node and mark of the schema. */
export const everyNodeDoc: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Council votes')] },
    paragraph(
      text('The '),
      text('mayor', [{ type: 'bold' }]),
      text(' said '),
      text('no', [{ type: 'italic' }]),
      text(', '),
      text('twice', [{ type: 'underline' }]),
      text(' and '),
      text('not thrice', [{ type: 'strike' }]),
      { type: 'hardBreak' },
      text('Read the '),
      text('report', [
        { type: 'link', attrs: { href: 'https://example.com/report?a=1&b=2', target: null, title: null } },
      ]),
      text(' or '),
      text('last week’s story', [{ type: 'storyLink', attrs: { storyId: OTHER_STORY_ID } }]),
      text('.'),
    ),
    { type: 'heading', attrs: { level: 3 }, content: [text('Reactions')] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            paragraph(
              text('Shops '),
              text('closed', [{ type: 'commentAnchor', attrs: { commentId: 'c1' } }]),
            ),
          ],
        },
        { type: 'listItem', content: [paragraph(text('Roads open'))] },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 1, type: null },
      content: [{ type: 'listItem', content: [paragraph(text('First'))] }],
    },
    { type: 'blockquote', content: [paragraph(text('We were not consulted.'))] },
    { type: 'pullQuote', content: [text('A vote for the future')] },
    {
      type: 'figure',
      attrs: { src: MEDIA_SRC, alt: 'The council chamber', caption: 'Councillors vote', credit: 'AFP' },
    },
    { type: 'horizontalRule' },
    { type: 'alsoRead', attrs: { storyId: STORY_ID, headline: 'Budget: what changes' } },
    paragraph(text('End.')),
  ],
};
