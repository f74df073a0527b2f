import { MEDIA_SRC } from '../domain/media';
import { VOID_ELEMENTS } from './voidElements';

type Token =
  | { kind: 'text'; raw: string }
  | { kind: 'comment'; raw: string }
  | { kind: 'conditionalStart' }
  | { kind: 'conditionalEnd' }
  | { kind: 'open'; name: string; attributes: Attribute[]; selfClosing: boolean }
  | { kind: 'close'; name: string };

interface Attribute {
  name: string;
  value: string;
}

interface OpenElement {
  name: string;
  close: string;
  isLink: boolean;
}

const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_.:-]*$/;
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);
const DROPPED = new Set([
  ...RAW_TEXT,
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
  'o:p',
]);
const PLAIN_TAG_NAME = /^[a-z][a-z0-9]*$/;
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);
const HEADING_LEVEL: Record<string, string> = { h1: 'h2', h4: 'h3', h5: 'h3', h6: 'h3' };

function parseAttributes(source: string): Attribute[] {
  const attributes: Attribute[] = [];
  for (const match of source.matchAll(ATTRIBUTE)) {
    attributes.push({ name: match[1]!.toLowerCase(), value: match[2] ?? match[3] ?? match[4] ?? '' });
  }
  return attributes;
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const lowerCase = html.toLowerCase();
  let position = 0;
  let textStart = 0;
  const pushText = (end: number) => {
    if (end > textStart) tokens.push({ kind: 'text', raw: html.slice(textStart, end) });
  };
  while (position < html.length) {
    const start = html.indexOf('<', position);
    if (start < 0) break;
    let end: number;
    if (html.startsWith('<!--', start)) {
      const close = html.indexOf('-->', start + 4);
      end = close < 0 ? html.length : close + 3;
      const body = html.slice(start + 4, close < 0 ? html.length : close);
      pushText(start);
      if (/^\[if [^\]]*\]$/i.test(body)) tokens.push({ kind: 'conditionalStart' });
      else if (/^\[endif\]$/i.test(body)) tokens.push({ kind: 'conditionalEnd' });
      else tokens.push({ kind: 'comment', raw: html.slice(start, end) });
    } else if (html[start + 1] === '!' || html[start + 1] === '?') {
      const close = html.indexOf('>', start);
      end = close < 0 ? html.length : close + 1;
      const body = html.slice(start, end);
      pushText(start);
      if (/^<!\[if\b/i.test(body)) tokens.push({ kind: 'conditionalStart' });
      else if (/^<!\[endif\]/i.test(body)) tokens.push({ kind: 'conditionalEnd' });
      else tokens.push({ kind: 'comment', raw: body });
    } else {
      TAG.lastIndex = start;
      const match = TAG.exec(html);
      if (!match) {
        pushText(start);
        // A tag whose quote or bracket never closes runs to the end of the input; browsers drop it.
        if (/^<\/?[a-zA-Z]/.test(html.slice(start, start + 3))) return tokens;
        tokens.push({ kind: 'text', raw: '&lt;' });
        position = textStart = start + 1;
        continue;
      }
      pushText(start);
      end = TAG.lastIndex;
      const name = match[2]!.toLowerCase();
      const rest = match[3] ?? '';
      if (match[1]) {
        tokens.push({ kind: 'close', name });
      } else {
        tokens.push({
          kind: 'open',
          name,
          attributes: parseAttributes(rest),
          selfClosing: /\/\s*$/.test(rest),
        });
        if (RAW_TEXT.has(name)) {
          const closing = lowerCase.indexOf(`</${name}`, end);
          const closingEnd = closing < 0 ? -1 : html.indexOf('>', closing);
          end = closingEnd < 0 ? html.length : closingEnd + 1;
          tokens.push({ kind: 'close', name });
        }
      }
    }
    position = end;
    textStart = end;
  }
  pushText(html.length);
  return tokens;
}

const styleOf = (attributes: Attribute[]): string =>
  (attributes.find((attribute) => attribute.name === 'style')?.value ?? '').toLowerCase().replace(/\s+/g, '');

function keptAttributes(name: string, attributes: Attribute[]): string {
  let out = '';
  for (const { name: attribute, value } of attributes) {
    if (attribute.startsWith('on') || !ATTRIBUTE_NAME.test(attribute)) continue;
    let kept = value;
    if (attribute === 'style') {
      if (name !== 'ol' && name !== 'li') continue;
      kept = /list-style-type:\s*[a-z-]+/i.exec(value)?.[0] ?? '';
      if (!kept) continue;
    }
    out += ` ${attribute}="${kept.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;
  }
  return out;
}

function isGoogleDocsWrapper(name: string, attributes: Attribute[]): boolean {
  if (name !== 'b') return false;
  const id = attributes.find((attribute) => attribute.name === 'id')?.value ?? '';
  return id.startsWith('docs-internal-guid') || /font-weight:(normal|[1-4]00)(;|$)/.test(styleOf(attributes));
}

function spanFormatting(style: string, insideLink: boolean): string[] {
  const tags: string[] = [];
  if (/font-weight:(bold|bolder|[6-9]00)(;|$)/.test(style)) tags.push('strong');
  if (/font-style:(italic|oblique)/.test(style)) tags.push('em');
  if (!insideLink && /text-decoration[a-z-]*:[^;]*underline/.test(style)) tags.push('u');
  if (/text-decoration[a-z-]*:[^;]*line-through/.test(style)) tags.push('s');
  return tags;
}

function replacement(
  name: string,
  attributes: Attribute[],
  insideLink: boolean,
): { open: string; close: string } {
  if (isGoogleDocsWrapper(name, attributes) || !PLAIN_TAG_NAME.test(name)) return { open: '', close: '' };
  if (TABLE_PARTS.has(name)) return { open: '<div>', close: '</div>' };
  if (name === 'span') {
    const tags = spanFormatting(styleOf(attributes), insideLink);
    return {
      open: tags.map((tag) => `<${tag}>`).join(''),
      close: tags
        .toReversed()
        .map((tag) => `</${tag}>`)
        .join(''),
    };
  }
  const renamed = HEADING_LEVEL[name] ?? name;
  return { open: `<${renamed}${keptAttributes(name, attributes)}>`, close: `</${renamed}>` };
}

/**
 * Prepares pasted HTML (Word, Google Docs, web pages) for the story schema, as a pure string transform: drops
 * scripts, styles, frames, embeds, comments and Word conditional markup; unwraps Google Docs' all-bold wrapper; turns
 * bold/italic/underline/strike styling of spans into tags and strips style and on* attributes; turns tables into
 * blocks so their cells become paragraphs; maps h1 to h2 and h4–h6 to h3.
 */
export function cleanPastedHtml(html: string): string {
  const tokens = tokenize(html);
  const stack: OpenElement[] = [];
  let out = '';
  let links = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'text') {
      out += token.raw;
      continue;
    }
    if (token.kind === 'comment' || token.kind === 'conditionalEnd') continue;
    if (token.kind === 'conditionalStart') {
      while (index + 1 < tokens.length && tokens[index + 1]!.kind !== 'conditionalEnd') index++;
      continue;
    }
    if (token.kind === 'close') {
      const at = stack.findLastIndex((element) => element.name === token.name);
      if (at < 0) continue;
      while (stack.length > at) {
        const element = stack.pop()!;
        if (element.isLink) links--;
        out += element.close;
      }
      continue;
    }
    const { name, attributes, selfClosing } = token;
    const style = styleOf(attributes);
    const leaf = selfClosing || VOID_ELEMENTS.has(name);
    if (DROPPED.has(name) || (name === 'span' && style.includes('mso-list:ignore'))) {
      if (!leaf) index = skipElement(tokens, index, name);
      continue;
    }
    if (leaf) {
      if (PLAIN_TAG_NAME.test(name) && (name !== 'img' || isStoredImage(attributes)))
        out += `<${name}${keptAttributes(name, attributes)}>`;
      continue;
    }
    const { open, close } = replacement(name, attributes, links > 0);
    out += open;
    stack.push({ name, close, isLink: name === 'a' });
    if (name === 'a') links++;
  }
  while (stack.length > 0) out += stack.pop()!.close;
  return out;
}

/**
 * Only images already in the media store survive a paste (copying within Copydesk). A remote image
 * would be fetched by every reader of the story (a tracking pixel, a hotlinked photo) and a data:
 * URL would bloat the document; pictures come in through the image dialog, which stores them.
 */
function isStoredImage(attributes: Attribute[]): boolean {
  const src = attributes.find((attribute) => attribute.name === 'src')?.value ?? '';
  return MEDIA_SRC.test(src);
}

function skipElement(tokens: Token[], start: number, name: string): number {
  let depth = 0;
  for (let index = start; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'open' && token.name === name && !token.selfClosing) depth++;
    else if (token.kind === 'close' && token.name === name && --depth === 0) return index;
  }
  return tokens.length;
}
