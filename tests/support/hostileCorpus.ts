import type { JSONContent } from '@tiptap/core';

/** A crafted story input: a body, or fields, sent to `stories:create`. */
export interface HostileCase {
  name: string;
  input: Record<string, unknown>;
}

/** URLs that must never reach an href or src: script schemes plain, cased, entity- and whitespace-obfuscated. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  '\u202ejavascript:alert(1)',
  'javascript\u200b:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript&#58;alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'data:image/png;base64,iVBORw0KGgo=',
  'file:///etc/passwd',
  '//evil.example/x.png',
  'media/../../etc/passwd',
  '/media/x.png',
  'https://ok.example/"><script>alert(1)</script>',
  "https://ok.example/' onerror='alert(1)",
];

/** Values of the wrong kind or size for any attribute. */
const ODD_VALUES: unknown[] = [
  42,
  null,
  true,
  {},
  [],
  { toString: 'x' },
  'x'.repeat(5000),
  '" onmouseover="alert(1)',
  '<script>alert(1)</script>',
];

/** Characters HTML or XML 1.0 do not allow, and bidi controls that make text read other than it is stored. */
export const HOSTILE_CHARS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u202a',
  '\u202b',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

const text = (value: string, marks?: JSONContent['marks']): JSONContent =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

/** Every node of the schema with valid attributes, as the only block of a story (lists wrap their items). */
const nodes = (
  STORY_ID: string,
  MEDIA: string,
): Record<string, (attrs?: Record<string, unknown> | null) => JSONContent> => ({
  paragraph: (attrs) => doc({ type: 'paragraph', attrs, content: [text('p')] } as JSONContent),
  heading: (attrs = { level: 2 }) => doc({ type: 'heading', attrs, content: [text('h')] } as JSONContent),
  blockquote: (attrs) => doc({ type: 'blockquote', attrs, content: [paragraph(text('q'))] } as JSONContent),
  bulletList: (attrs) =>
    doc({
      type: 'bulletList',
      attrs,
      content: [{ type: 'listItem', content: [paragraph(text('i'))] }],
    } as JSONContent),
  orderedList: (attrs = { start: 1, type: null }) =>
    doc({
      type: 'orderedList',
      attrs,
      content: [{ type: 'listItem', content: [paragraph(text('i'))] }],
    } as JSONContent),
  listItem: (attrs) =>
    doc({
      type: 'bulletList',
      content: [{ type: 'listItem', attrs, content: [paragraph(text('i'))] }],
    } as JSONContent),
  horizontalRule: (attrs) => doc(paragraph(text('a')), { type: 'horizontalRule', attrs } as JSONContent),
  hardBreak: (attrs) => doc(paragraph(text('a'), { type: 'hardBreak', attrs } as JSONContent, text('b'))),
  pullQuote: (attrs) => doc({ type: 'pullQuote', attrs, content: [text('pq')] } as JSONContent),
  figure: (attrs = { src: MEDIA, alt: 'a', caption: 'c', credit: 'cr' }) =>
    doc({ type: 'figure', attrs } as JSONContent),
  alsoRead: (attrs = { storyId: STORY_ID, headline: 'Other' }) =>
    doc({ type: 'alsoRead', attrs } as JSONContent),
});

/** Every mark of the schema with valid attributes. */
const marks = (STORY_ID: string): Record<string, Record<string, unknown> | undefined> => ({
  bold: undefined,
  italic: undefined,
  underline: undefined,
  strike: undefined,
  link: { href: 'https://example.com/', target: null, title: null },
  storyLink: { storyId: STORY_ID },
  commentAnchor: { commentId: 'c1' },
});
const marked = (type: string, attrs?: Record<string, unknown> | null) =>
  doc(paragraph(text('a '), text('marked', [attrs === undefined ? { type } : ({ type, attrs } as never)])));

const URL_ATTRIBUTES = new Set(['figure.src', 'link.href']);

/**
 * Crafted story bodies: every node and mark with extra, missing and hostile attributes, and hostile text. Story links
 * and also-read blocks point at `linkedStoryId`, figures at `mediaSrc` (an image of the media store) and at an image
 * the store does not have.
 */
export function hostileBodies(linkedStoryId: string, mediaSrc: string): HostileCase[] {
  const STORY_ID = linkedStoryId;
  const MEDIA = mediaSrc;
  const cases: HostileCase[] = [];
  const add = (name: string, body: JSONContent) =>
    cases.push({ name, input: { headline: name.slice(0, 200), body } });
  const extra = {
    onclick: 'alert(1)',
    style: 'background:url(javascript:alert(1))',
    class: 'x',
    href: 'javascript:alert(1)',
    src: 'javascript:alert(1)',
  };

  for (const [type, build] of Object.entries(nodes(STORY_ID, MEDIA))) {
    const valid = build();
    const attrsOf = (valid.content!.find((node) => node.type === type) ?? valid.content![0]!).attrs ?? {};
    add(`${type} with extra attributes`, build({ ...attrsOf, ...extra }));
    add(`${type} without attributes`, build(null));
    for (const attr of Object.keys(attrsOf)) {
      const values = URL_ATTRIBUTES.has(`${type}.${attr}`) ? [...HOSTILE_URLS, ...ODD_VALUES] : ODD_VALUES;
      for (const value of values)
        add(`${type}.${attr} = ${JSON.stringify(value).slice(0, 40)}`, build({ ...attrsOf, [attr]: value }));
      const { [attr]: _missing, ...rest } = attrsOf;
      add(`${type} without ${attr}`, build(rest));
    }
  }
  for (const [type, attrs] of Object.entries(marks(STORY_ID))) {
    add(`mark ${type} with extra attributes`, marked(type, { ...(attrs ?? {}), ...extra }));
    add(`mark ${type} with null attributes`, marked(type, null));
    for (const attr of Object.keys(attrs ?? {})) {
      const values = URL_ATTRIBUTES.has(`${type}.${attr}`) ? [...HOSTILE_URLS, ...ODD_VALUES] : ODD_VALUES;
      for (const value of values)
        add(
          `mark ${type}.${attr} = ${JSON.stringify(value).slice(0, 40)}`,
          marked(type, { ...attrs, [attr]: value }),
        );
    }
  }
  for (const char of HOSTILE_CHARS) {
    const c = `U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    add(`text with ${c}`, doc(paragraph(text(`be${char}fore ${char}after`))));
    add(`text of only ${c}`, doc(paragraph(text('a')), paragraph(text(char))));
    add(
      `heading text with ${c}`,
      doc({ type: 'heading', attrs: { level: 2 }, content: [text(`h${char}h`)] }),
    );
    add(
      `figure caption with ${c}`,
      doc({
        type: 'figure',
        attrs: { src: MEDIA, alt: `a${char}`, caption: `c${char}c`, credit: `${char}cr` },
      }),
    );
    add(
      `also-read headline with ${c}`,
      doc({ type: 'alsoRead', attrs: { storyId: STORY_ID, headline: `H${char}H` } }),
    );
    add(
      `link title with ${c}`,
      marked('link', { href: 'https://example.com/', target: null, title: `t${char}t` }),
    );
  }
  add(
    'figure of an image the media store does not have',
    doc({ type: 'figure', attrs: { src: `media/${'0'.repeat(64)}.png` } }),
  );
  add('unknown node', doc({ type: 'script', content: [text('alert(1)')] }));
  add('unknown mark', marked('code'));
  add('text directly in the doc', { type: 'doc', content: [text('loose')] });
  add('a block in a paragraph', doc({ type: 'paragraph', content: [paragraph(text('x'))] }));
  add(
    'nested 1,000 blockquotes deep',
    doc(
      Array.from({ length: 1000 }).reduce<JSONContent>(
        (inner) => ({ type: 'blockquote', content: [inner] }),
        paragraph(text('deep')),
      ),
    ),
  );
  add('150,000 paragraphs', {
    type: 'doc',
    content: Array.from({ length: 150_000 }, () => paragraph(text('x'))),
  });
  return cases;
}

/** Crafted story fields: control and bidi characters in every text field, hostile images, missing references. */
export function hostileFields(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const field of ['headline', 'standfirst', 'byline', 'dateline', 'credit']) {
    for (const char of HOSTILE_CHARS)
      cases.push({
        name: `${field} with U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
        input: { [field]: `Bad${char} <b>field</b> & ${char}more` },
      });
    cases.push({
      name: `${field} with markup`,
      input: { [field]: `</title><script>alert(1)</script><img src=x onerror=alert(1)>]]>` },
    });
  }
  for (const url of [...HOSTILE_URLS, `media/${'0'.repeat(64)}.png`])
    cases.push({
      name: `featuredImage = ${JSON.stringify(url).slice(0, 40)}`,
      input: { headline: 'Featured', featuredImage: url },
    });
  for (const sectionId of ['no-such-section', '../politics', "politics' OR 1=1 --"])
    cases.push({ name: `sectionId = ${sectionId}`, input: { headline: 'Section', sectionId } });
  for (const slug of ['../../etc/passwd', 'a/b', '<script>', 'UPPER', 'x\u0000y'])
    cases.push({ name: `slug = ${JSON.stringify(slug)}`, input: { headline: 'Slug', slug } });
  return cases;
}
