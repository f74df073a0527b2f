import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { InvalidDocumentError, parseStoryDoc, storySchema, storyToHtml } from '../../../shared/editor';
import { everyNodeDoc, MEDIA_SRC, OTHER_STORY_ID, STORY_ID } from './fixtures';

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });

describe('storyToHtml', () => {
  it('runs in Node without a DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(storyToHtml(doc(paragraph({ type: 'text', text: 'Hi' })))).toBe('<p>Hi</p>');
  });

  it('renders every node and mark exactly', () => {
    expect(storyToHtml(everyNodeDoc)).toBe(
      [
        '<h2>Council votes</h2>',
        '<p>The <strong>mayor</strong> said <em>no</em>, <u>twice</u> and <s>not thrice</s><br>Read the ' +
          '<a href="https://example.com/report?a=1&amp;b=2" rel="noopener noreferrer">report</a> or ' +
          `<a data-story-id="${OTHER_STORY_ID}" href="#story-${OTHER_STORY_ID}">last week’s story</a>.</p>`,
        '<h3>Reactions</h3>',
        '<ul><li><p>Shops <span data-comment-id="c1">closed</span></p></li><li><p>Roads open</p></li></ul>',
        '<ol><li><p>First</p></li></ol>',
        '<blockquote><p>We were not consulted.</p></blockquote>',
        '<aside class="pull-quote"><p>A vote for the future</p></aside>',
        `<figure><img src="${MEDIA_SRC}" alt="The council chamber"><figcaption>` +
          '<span class="caption">Councillors vote</span> <span class="credit">AFP</span></figcaption></figure>',
        '<hr>',
        `<aside class="also-read" data-story-id="${STORY_ID}">ALSO READ: ` +
          `<a href="#story-${STORY_ID}">Budget: what changes</a></aside>`,
        '<p>End.</p>',
      ].join('\n'),
    );
  });

  it('keeps one element for a mark spanning differently formatted text', () => {
    const link = { type: 'link', attrs: { href: 'https://example.com' } };
    const html = storyToHtml(
      doc(
        paragraph(
          { type: 'text', text: 'plain ', marks: [link] },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }, link] },
          { type: 'text', text: ' plain', marks: [link] },
        ),
      ),
    );
    expect(html).toBe(
      '<p><a href="https://example.com" rel="noopener noreferrer">plain <strong>bold</strong> plain</a></p>',
    );
  });

  it('escapes text and attribute values', () => {
    const html = storyToHtml(
      doc(
        paragraph({ type: 'text', text: '<script>alert("x")</script> & co' }),
        {
          type: 'figure',
          attrs: {
            src: 'https://cdn.example.com/a.jpg?x=1&y=2',
            alt: '"><script>',
            caption: '<b>',
            credit: '',
          },
        },
        { type: 'alsoRead', attrs: { storyId: STORY_ID, headline: '</aside><script>' } },
      ),
    );
    expect(html).toBe(
      [
        '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; co</p>',
        '<figure><img src="https://cdn.example.com/a.jpg?x=1&amp;y=2" alt="&quot;&gt;&lt;script&gt;">' +
          '<figcaption><span class="caption">&lt;b&gt;</span></figcaption></figure>',
        `<aside class="also-read" data-story-id="${STORY_ID}">ALSO READ: <a href="#story-${STORY_ID}">&lt;/aside&gt;&lt;script&gt;</a></aside>`,
      ].join('\n'),
    );
  });

  it('leaves out an empty figcaption', () => {
    const html = storyToHtml(doc({ type: 'figure', attrs: { src: MEDIA_SRC } }));
    expect(html).toBe(`<figure><img src="${MEDIA_SRC}" alt=""></figure>`);
  });

  it('refuses to render a disallowed href stored in a link mark', () => {
    const render = () =>
      storyToHtml(
        doc(
          paragraph({
            type: 'text',
            text: 'x',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          }),
        ),
      );
    expect(render).toThrow(InvalidDocumentError);
  });

  describe('for publishing', () => {
    const urls: Record<string, string | null> = {
      [OTHER_STORY_ID]: 'https://news.example.com/2024/other',
      [STORY_ID]: 'https://news.example.com/2024/budget',
    };
    const publish = (body: JSONContent, overrides: Partial<typeof urls> = {}) =>
      storyToHtml(body, {
        forPublishing: true,
        resolveStoryUrl: (id) => ({ ...urls, ...overrides })[id] ?? null,
        resolveMediaUrl: (src) => `https://cdn.example.com/${src}`,
      });

    it('drops comment anchors but keeps their text', () => {
      const html = publish(everyNodeDoc);
      expect(html).not.toContain('data-comment-id');
      expect(html).toContain('<li><p>Shops closed</p></li>');
      expect(storyToHtml(everyNodeDoc)).toContain('<span data-comment-id="c1">closed</span>');
    });

    it('merges marks that a comment anchor split', () => {
      const bold = { type: 'bold' };
      const html = publish(
        doc(
          paragraph(
            { type: 'text', text: 'one ', marks: [bold] },
            {
              type: 'text',
              text: 'two',
              marks: [{ type: 'commentAnchor', attrs: { commentId: 'c9' } }, bold],
            },
          ),
        ),
      );
      expect(html).toBe('<p><strong>one two</strong></p>');
    });

    it('resolves story and media URLs', () => {
      const html = publish(everyNodeDoc);
      expect(html).toContain(
        `<a data-story-id="${OTHER_STORY_ID}" href="https://news.example.com/2024/other">last week’s story</a>`,
      );
      expect(html).toContain(
        'ALSO READ: <a href="https://news.example.com/2024/budget">Budget: what changes</a>',
      );
      expect(html).toContain(`<img src="https://cdn.example.com/${MEDIA_SRC}" alt="The council chamber">`);
      expect(html).not.toContain('#story-');
    });

    it('renders plain text when a story has no URL', () => {
      const html = publish(everyNodeDoc, { [OTHER_STORY_ID]: null, [STORY_ID]: null });
      expect(html).toContain(
        '<a href="https://example.com/report?a=1&amp;b=2" rel="noopener noreferrer">report</a> or last week’s story.</p>',
      );
      expect(html).toContain(
        `<aside class="also-read" data-story-id="${STORY_ID}">ALSO READ: Budget: what changes</aside>`,
      );
    });

    it('does not leak resolvers into later renders', () => {
      publish(everyNodeDoc);
      expect(storyToHtml(everyNodeDoc)).toContain(`href="#story-${STORY_ID}"`);
    });
  });
});

describe('parseStoryDoc', () => {
  const invalid: [string, unknown][] = [
    ['an unknown node type', doc({ type: 'table', content: [] })],
    ['a code block', doc({ type: 'codeBlock', content: [{ type: 'text', text: 'x' }] })],
    ['an unknown mark', doc(paragraph({ type: 'text', text: 'x', marks: [{ type: 'code' }] }))],
    ['a block inside a paragraph', doc(paragraph({ type: 'figure', attrs: { src: MEDIA_SRC } }))],
    ['text directly in the doc', doc({ type: 'text', text: 'loose' })],
    ['a figure with a script URL', doc({ type: 'figure', attrs: { src: 'javascript:alert(1)' } })],
    ['a figure with a file path', doc({ type: 'figure', attrs: { src: '/etc/passwd' } })],
    ['a figure without src', doc({ type: 'figure', attrs: { caption: 'x' } })],
    [
      'an also-read with a bad story id',
      doc({ type: 'alsoRead', attrs: { storyId: 'not-a-ulid', headline: 'x' } }),
    ],
    [
      'an also-read with a non-string headline',
      doc({ type: 'alsoRead', attrs: { storyId: STORY_ID, headline: ['script'] } }),
    ],
    [
      'a story link with a bad id',
      doc(paragraph({ type: 'text', text: 'x', marks: [{ type: 'storyLink', attrs: { storyId: '1' } }] })),
    ],
    [
      'a comment anchor without id',
      doc(paragraph({ type: 'text', text: 'x', marks: [{ type: 'commentAnchor' }] })),
    ],
    ['an empty text node', doc(paragraph({ type: 'text', text: '' }))],
    ['a non-doc top node', paragraph({ type: 'text', text: 'x' })],
    ['null', null],
    ['a string', '<p>x</p>'],
  ];

  it.each(invalid)('refuses %s with InvalidDocumentError', (_, json) => {
    expect(() => parseStoryDoc(json)).toThrow(InvalidDocumentError);
  });

  it('names the problem in the message', () => {
    expect(() => parseStoryDoc(doc({ type: 'table' }))).toThrow(/Invalid story document: .*table/);
  });

  it('makes storyToHtml throw the same typed error', () => {
    expect(() => storyToHtml(doc({ type: 'iframe' }))).toThrow(InvalidDocumentError);
  });

  it('reads a doc without content as an empty story', () => {
    expect(parseStoryDoc({ type: 'doc' }).toJSON()).toEqual(doc({ type: 'paragraph' }));
    expect(parseStoryDoc(doc()).toJSON()).toEqual(doc({ type: 'paragraph' }));
  });

  it('accepts the every-node fixture', () => {
    expect(parseStoryDoc(everyNodeDoc).childCount).toBe(everyNodeDoc.content?.length);
  });
});

describe('storySchema', () => {
  it('has exactly the story nodes and marks, without code', () => {
    const schema = storySchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'alsoRead',
        'blockquote',
        'bulletList',
        'doc',
        'figure',
        'hardBreak',
        'heading',
        'horizontalRule',
        'listItem',
        'orderedList',
        'paragraph',
        'pullQuote',
        'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(
      ['bold', 'commentAnchor', 'italic', 'link', 'storyLink', 'strike', 'underline'].sort(),
    );
  });
});
