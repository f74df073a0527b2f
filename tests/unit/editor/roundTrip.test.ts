// @vitest-environment happy-dom
import { generateJSON } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { parseStoryDoc, storyExtensions, storyToHtml } from '../../../shared/editor';
import { everyNodeDoc, MEDIA_SRC, OTHER_STORY_ID, STORY_ID } from './fixtures';

const parse = (html: string) => generateJSON(html, storyExtensions());
const blocks = (html: string) => parse(html).content as { type: string; attrs?: Record<string, unknown> }[];

describe('JSON → HTML → JSON', () => {
  it('gives back the same document for every node and mark', () => {
    const normalized = parseStoryDoc(everyNodeDoc).toJSON();
    expect(parse(storyToHtml(everyNodeDoc))).toEqual(normalized);
  });

  it('keeps overlapping comment anchors apart', () => {
    const c = (commentId: string) => ({ type: 'commentAnchor', attrs: { commentId } });
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [c('c1')] },
            { type: 'text', text: 'b', marks: [c('c1'), c('c2')] },
            { type: 'text', text: 'c', marks: [c('c2')] },
          ],
        },
      ],
    };
    expect(parse(storyToHtml(doc))).toEqual(parseStoryDoc(doc).toJSON());
  });
});

describe('parsing HTML', () => {
  it('reads a story link before the plain link mark', () => {
    const json = parse(`<p><a data-story-id="${STORY_ID}" href="https://news.example.com/x">Budget</a></p>`);
    expect(json.content[0].content[0].marks).toEqual([{ type: 'storyLink', attrs: { storyId: STORY_ID } }]);
  });

  it('treats a story link with a bad id as a normal link, or text', () => {
    const json = parse(
      '<p><a data-story-id="nope" href="https://example.com">a</a><a data-story-id="nope" href="#x">b</a></p>',
    );
    expect(json.content[0].content).toEqual([
      {
        type: 'text',
        text: 'a',
        marks: [{ type: 'link', attrs: { href: 'https://example.com', target: null, title: null } }],
      },
      { type: 'text', text: 'b' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'vbscript:x',
    '/relative',
    'example.com',
  ])('refuses a link to %j', (href) => {
    const json = parse(`<p><a href="${href.replace(/"/g, '&quot;')}">x</a></p>`);
    expect(json.content[0].content).toEqual([{ type: 'text', text: 'x' }]);
  });

  it('drops the class and rel of a pasted link', () => {
    const json = parse('<p><a href="https://example.com" class="btn" rel="opener" target="_self">x</a></p>');
    expect(json.content[0].content[0].marks[0].attrs).toEqual({
      href: 'https://example.com',
      target: null,
      title: null,
    });
    expect(storyToHtml(json)).toBe('<p><a href="https://example.com" rel="noopener noreferrer">x</a></p>');
  });

  it('reads h1 as a level 2 heading and h4–h6 as level 3, the only levels a story has', () => {
    expect(blocks('<h2>a</h2><h3>b</h3><h1>c</h1><h4>d</h4><h6>e</h6>')).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'a' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'b' }] },
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'c' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'd' }] },
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'e' }] },
    ]);
  });

  it('reads code as plain text', () => {
    expect(blocks('<pre><code>let x</code></pre><p><code>y</code></p>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'let x' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'y' }] },
    ]);
  });

  it('reads a pull quote back, and a plain blockquote as a blockquote', () => {
    expect(
      blocks('<aside class="pull-quote"><p>Big <em>words</em></p></aside><blockquote><p>q</p></blockquote>'),
    ).toEqual([
      {
        type: 'pullQuote',
        content: [
          { type: 'text', text: 'Big ' },
          { type: 'text', text: 'words', marks: [{ type: 'italic' }] },
        ],
      },
      { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }] },
    ]);
  });

  it('reads a figure with a plain figcaption, and a bare image with an allowed src', () => {
    expect(
      blocks(
        '<figure><img src="https://cdn.example.com/a.png" alt="A"><figcaption> Just a   caption </figcaption></figure>' +
          '<p>before<img src="https://cdn.example.com/b.png" alt="B">after</p>',
      ),
    ).toEqual([
      {
        type: 'figure',
        attrs: { src: 'https://cdn.example.com/a.png', alt: 'A', caption: 'Just a caption', credit: '' },
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'before' }] },
      { type: 'figure', attrs: { src: 'https://cdn.example.com/b.png', alt: 'B', caption: '', credit: '' } },
      { type: 'paragraph', content: [{ type: 'text', text: 'after' }] },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'file:///C:/Users/me/image001.png',
    'media/../../etc/passwd',
    'media/abc.jpg',
    `/${MEDIA_SRC}`,
  ])('drops an image with src %j', (src) => {
    const types = blocks(
      `<figure><img src="${src}"><figcaption>c</figcaption></figure><p><img src="${src}">x</p>`,
    ).map((block) => block.type);
    expect(types).not.toContain('figure');
  });

  it('reads an also-read block, taking the headline from its text when it has no link', () => {
    expect(
      blocks(
        `<aside class="also-read" data-story-id="${STORY_ID}">ALSO READ: <a href="/x">One</a></aside>` +
          `<aside class="also-read" data-story-id="${OTHER_STORY_ID}">Also read: Two</aside>` +
          '<aside class="also-read" data-story-id="bad">ALSO READ: Three</aside>',
      ),
    ).toEqual([
      { type: 'alsoRead', attrs: { storyId: STORY_ID, headline: 'One' } },
      { type: 'alsoRead', attrs: { storyId: OTHER_STORY_ID, headline: 'Two' } },
      { type: 'paragraph', content: [{ type: 'text', text: 'ALSO READ: Three' }] },
    ]);
  });

  it('keeps numeric-looking attribute text as strings', () => {
    const json = parse(
      `<figure><img src="${MEDIA_SRC}" alt="2024"><figcaption><span class="caption">42</span> <span class="credit">true</span></figcaption></figure>` +
        `<img src="${MEDIA_SRC}" alt="1" caption="2" credit="false">`,
    );
    expect(json.content.map((block: { attrs: unknown }) => block.attrs)).toEqual([
      { src: MEDIA_SRC, alt: '2024', caption: '42', credit: 'true' },
      { src: MEDIA_SRC, alt: '1', caption: '', credit: '' },
    ]);
  });
});
