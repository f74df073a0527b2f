import { Document } from '@tiptap/extension-document';
import type { TagParseRule } from '@tiptap/pm/model';

// Elements whose content is never story text: code, styles, frames, embeds, forms' controls, Word's XML islands.
const IGNORED = [
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
  'head',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'meta',
  'link',
  'base',
  'param',
  'source',
  'track',
  'template',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'select',
  'button',
  'input',
  'xml',
  'colgroup',
  'col',
];
const BLOCK_INSIDE = 'p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, figure, aside';

/**
 * How the schema reads HTML from elsewhere (paste, import) beyond each node's own rules: what is dropped with its
 * content, Word's list bullets (`mso-list:Ignore`), and table cells, which become paragraphs.
 */
const foreignRules: TagParseRule[] = [
  ...IGNORED.map((tag): TagParseRule => ({ tag, ignore: true })),
  // Word's empty-paragraph filler <o:p>; no selector can name a tag with a colon.
  {
    tag: '*',
    ignore: true,
    getAttrs: (element) => (element.nodeName.toLowerCase() === 'o:p' ? null : false),
  },
  {
    tag: 'span[style]',
    ignore: true,
    getAttrs: (span) => (/mso-list:\s*ignore/i.test(span.getAttribute('style') ?? '') ? null : false),
  },
  {
    tag: 'td, th, caption',
    node: 'paragraph',
    getAttrs: (cell) => (cell.querySelector(BLOCK_INSIDE) ? false : null),
  },
];

/** The story's top node, carrying the rules for foreign HTML so every parser built from the schema applies them. */
export const StoryDocument = Document.extend({
  parseHTML: () => foreignRules,
});
