import { Extension } from '@tiptap/core';
import {
  DOMParser,
  Fragment,
  Slice,
  type Node as ProseMirrorNode,
  type ParseOptions,
  type Schema,
  type TagParseRule,
} from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { MEDIA_SRC } from '../domain/media';
import { storySchema } from './parseStoryDoc';

const isLinkText = (node: ProseMirrorNode) =>
  node.isText && node.marks.some((mark) => mark.type.name === 'link' || mark.type.name === 'storyLink');

function mapContent(fragment: Fragment, map: (node: ProseMirrorNode) => ProseMirrorNode | null): Fragment {
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    const mapped = map(node.isLeaf ? node : node.copy(mapContent(node.content, map)));
    if (mapped) nodes.push(mapped);
  });
  return Fragment.from(nodes);
}

/**
 * The Word and Google Docs normalisation that parse rules cannot express, for content already parsed by the story
 * schema (paste, import): Google Docs styles the text of every link as underlined, which is the link's look, not
 * an underline the writer chose. Everything else foreign HTML needs (dropped elements, Word list bullets, the Google
 * Docs bold wrapper, styled spans, tables, heading levels) is in the schema's parse rules.
 */
export function normalizeForeignContent(fragment: Fragment): Fragment {
  return mapContent(fragment, (node) =>
    isLinkText(node) ? node.mark(node.marks.filter((mark) => mark.type.name !== 'underline')) : node,
  );
}

// Word's list numbers and bullets as text for old readers, between conditional comments (downlevel-hidden or -revealed).
const WORD_LIST_FALLBACK = /<!(?:--)?\[if !supportLists\](?:--)?>[\s\S]*?<!(?:--)?\[endif\](?:--)?>/gi;

/**
 * The Word normalisation that must happen before HTML is parsed, for paste and import alike: Word writes each list
 * item's number or bullet as text inside conditional comments, which no parse rule sees. Pure string in, string out.
 */
export const normalizeOfficeHtml = (html: string): string => html.replace(WORD_LIST_FALLBACK, '');

const isStoredImage = (img: Element | null) => MEDIA_SRC.test(img?.getAttribute('src')?.trim() ?? '');

/**
 * The parser for pasted HTML: the schema's rules, and only images already in the media store (copied within
 * Copydesk). A remote image would be fetched by every reader of the story (a tracking pixel, a hotlinked photo);
 * pictures come in through the image dialog, which stores them. A figure whose image goes keeps its caption.
 */
export function pasteParser(schema: Schema): DOMParser {
  const pasteRules: TagParseRule[] = [
    {
      tag: 'figure',
      skip: true,
      getAttrs: (figure) => (isStoredImage(figure.querySelector('img')) ? false : null),
    },
    { tag: 'img', ignore: true, getAttrs: (img) => (isStoredImage(img) ? false : null) },
  ];
  return new ForeignHtmlParser(schema, [...pasteRules, ...DOMParser.fromSchema(schema).rules]);
}

// Whitespace between blocks inside an inline wrapper (Google Docs' <b>) is parsed as text beside the blocks.
function withoutStrayWhitespace(fragment: Fragment): Fragment {
  let hasBlock = false;
  fragment.forEach((node) => (hasBlock ||= node.isBlock));
  if (!hasBlock) return fragment;
  const nodes: ProseMirrorNode[] = [];
  fragment.forEach((node) => {
    if (!(node.isText && node.text?.trim() === '')) nodes.push(node);
  });
  return Fragment.from(nodes);
}

/** A pasted slice, normalised as `normalizeForeignContent`. */
export const pastedSlice = (slice: Slice): Slice =>
  new Slice(withoutStrayWhitespace(normalizeForeignContent(slice.content)), slice.openStart, slice.openEnd);

/** Forms give their fields' names to their own properties (`form.nodeName`, `form.remove`), which breaks any parser walking them. */
function withoutForms(dom: Node): void {
  if (!('querySelectorAll' in dom)) return;
  for (const form of Array.from((dom as ParentNode).querySelectorAll('form'))) {
    // The named fields shadow own properties only: the prototype's `remove` is intact, in a browser and in Node.
    let proto: object | null = Object.getPrototypeOf(form) as object | null;
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'remove'))
      proto = Object.getPrototypeOf(proto) as object | null;
    (proto as { remove(this: Element): void } | null)?.remove.call(form);
  }
}

const styleOf = (element: Element) => (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');

/**
 * Google Docs and Word format with `style` attributes, which the schema's style rules read through CSSOM; under the
 * editor's Content-Security-Policy inline styles are not applied, so CSSOM is empty. This reads the attribute text
 * instead: Google Docs' all-bold `<b style="font-weight:normal">` wrapper is unwrapped, and bold, italic, underline
 * (not of link text) and strike styling become tags the schema reads.
 */
function styledAsTags(dom: Node): void {
  if (!('querySelectorAll' in dom)) return;
  for (const element of Array.from((dom as ParentNode).querySelectorAll('[style]'))) {
    const style = styleOf(element);
    if (element.localName === 'b' && /font-weight:(normal|[1-4]00)(;|$)/.test(style)) {
      element.replaceWith(...Array.from(element.childNodes));
      continue;
    }
    const tags: string[] = [];
    if (/font-weight:(bold|bolder|[5-9]00)(;|$)/.test(style)) tags.push('strong');
    if (/font-style:(italic|oblique)/.test(style)) tags.push('em');
    if (/text-decoration[a-z-]*:[^;]*underline/.test(style) && !element.closest('a')) tags.push('u');
    if (/text-decoration[a-z-]*:[^;]*line-through/.test(style)) tags.push('s');
    let inner: Element = element;
    for (const tag of tags) {
      const wrapper = element.ownerDocument.createElement(tag);
      wrapper.append(...Array.from(inner.childNodes));
      inner.append(wrapper);
      inner = wrapper;
    }
  }
}

/** A DOMParser that first normalises what it parses (it is given a detached copy of the paste): forms, styles. */
class ForeignHtmlParser extends DOMParser {
  override parse(dom: Node, options?: ParseOptions): ProseMirrorNode {
    withoutForms(dom);
    styledAsTags(dom);
    return super.parse(dom, options);
  }

  override parseSlice(dom: Node, options?: ParseOptions): Slice {
    withoutForms(dom);
    styledAsTags(dom);
    return super.parseSlice(dom, options);
  }
}

let foreignParser: DOMParser | null = null;
const defaultParser = () =>
  (foreignParser ??= new ForeignHtmlParser(storySchema(), DOMParser.fromSchema(storySchema()).rules));

/** An inert container of `document` (nothing in it loads or runs) holding `html` after `normalizeOfficeHtml`. */
function inertContainer(html: string, document: Document): HTMLElement {
  const container = document.implementation.createHTMLDocument('').createElement('div');
  container.innerHTML = normalizeOfficeHtml(html);
  return container;
}

/**
 * Parses foreign HTML as a paste does: `normalizeOfficeHtml`, then the story schema's rules (or `parser`'s)
 * in an inert document of `document`, then `normalizeForeignContent`.
 */
export function parseForeignHtml(
  html: string,
  document: Document,
  parser: DOMParser = defaultParser(),
): Slice {
  return pastedSlice(parser.parseSlice(inertContainer(html, document)));
}

/** A whole story body from foreign HTML (import), through the same steps as `parseForeignHtml`. */
export function parseForeignDoc(html: string, document: Document): ProseMirrorNode {
  const doc = defaultParser().parse(inertContainer(html, document));
  return doc.copy(normalizeForeignContent(doc.content));
}

/** Pastes through `normalizeOfficeHtml`, `pasteParser` and `pastedSlice`, in every editor built from `storyExtensions()`. */
export const StoryPaste = Extension.create({
  name: 'storyPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('storyPaste'),
        props: {
          transformPastedHTML: normalizeOfficeHtml,
          clipboardParser: pasteParser(this.editor.schema),
          transformPasted: pastedSlice,
        },
      }),
    ];
  },
});
