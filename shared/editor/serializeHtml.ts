import { getSchema, type JSONContent } from '@tiptap/core';
import {
  Node as ProseMirrorNode,
  type DOMOutputSpec,
  type Fragment,
  type Mark,
  type Schema,
} from '@tiptap/pm/model';
import { parseStoryDoc } from './parseStoryDoc';
import { storyExtensions } from './storyExtensions';
import { defaultStoryUrl, type MediaUrlResolver, type StoryUrlResolver } from './storyUrl';
import { VOID_ELEMENTS } from './voidElements';

/** How `storyToHtml` renders a story body. */
export interface StoryHtmlOptions {
  /** The URL of a linked story (story links and also-read blocks); null renders the text without a link. */
  resolveStoryUrl?: StoryUrlResolver;
  /** The URL of a figure's image, given its stored `src` (a `media/…` path or an http(s) URL). */
  resolveMediaUrl?: MediaUrlResolver;
  /** Leaves out what only the newsroom sees: comment anchors. */
  forPublishing?: boolean;
}

const ATTRIBUTE_NAME = /^[^\s"'<>/=\p{Cc}]+$/u;

const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Escapes text for HTML content and double-quoted attribute values alike. */
export const escapeHtml = (value: string): string => escapeText(value).replace(/"/g, '&quot;');
const escapeAttribute = escapeHtml;

interface RenderedSpec {
  before: string;
  after: string;
  hasHole: boolean;
}

function serializeAttributes(attributes: Record<string, unknown>): string {
  let out = '';
  for (const [rawName, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    const name = rawName.slice(rawName.indexOf(' ') + 1);
    if (!ATTRIBUTE_NAME.test(name)) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return out;
}

function renderSpec(spec: DOMOutputSpec | string): RenderedSpec {
  if (typeof spec === 'string') return { before: escapeText(spec), after: '', hasHole: false };
  if (!Array.isArray(spec))
    throw new Error('renderHTML returned a DOM node, which cannot be rendered to a string');
  const [rawTag, ...rest] = spec as readonly [string, ...unknown[]];
  const tag = rawTag.slice(rawTag.indexOf(' ') + 1);
  let children = rest;
  let attributes = '';
  const first = rest[0];
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    attributes = serializeAttributes(first as Record<string, unknown>);
    children = rest.slice(1);
  }
  const open = `<${tag}${attributes}>`;
  if (VOID_ELEMENTS.has(tag.toLowerCase())) return { before: open, after: '', hasHole: false };
  let before = '';
  let after = '';
  let hasHole = false;
  for (const child of children) {
    if (child === 0) {
      if (children.length > 1) throw new RangeError('Content hole must be the only child of its parent node');
      hasHole = true;
      continue;
    }
    const inner = renderSpec(child as DOMOutputSpec | string);
    if (hasHole) {
      after += inner.before + inner.after;
    } else if (inner.hasHole) {
      before += inner.before;
      after += inner.after;
      hasHole = true;
    } else {
      before += inner.before + inner.after;
    }
  }
  return { before: open + before, after: `${after}</${tag}>`, hasHole };
}

interface RenderContext {
  schema: Schema;
  omitMark: (mark: Mark) => boolean;
}

function renderNode(node: ProseMirrorNode, context: RenderContext): string {
  if (node.isText) return escapeText(node.text ?? '');
  const toDOM = context.schema.nodes[node.type.name]?.spec.toDOM;
  if (!toDOM) throw new Error(`Node type ${node.type.name} has no HTML rendering`);
  const { before, after, hasHole } = renderSpec(toDOM(node));
  return hasHole ? before + renderFragment(node.content, context) + after : before + after;
}

// Adjacent nodes sharing a mark share one element, as in ProseMirror's DOMSerializer.
function renderFragment(fragment: Fragment, context: RenderContext): string {
  let out = '';
  const open: { mark: Mark; close: string }[] = [];
  fragment.forEach((node) => {
    const marks = node.marks.filter((mark) => !context.omitMark(mark));
    let keep = 0;
    while (keep < open.length && keep < marks.length) {
      const mark = marks[keep]!;
      if (!mark.eq(open[keep]!.mark) || mark.type.spec.spanning === false) break;
      keep++;
    }
    while (open.length > keep) out += open.pop()!.close;
    for (const mark of marks.slice(keep)) {
      const toDOM = context.schema.marks[mark.type.name]?.spec.toDOM;
      if (!toDOM) throw new Error(`Mark type ${mark.type.name} has no HTML rendering`);
      const { before, after } = renderSpec(toDOM(mark, node.isInline));
      out += before;
      open.push({ mark, close: after });
    }
    out += renderNode(node, context);
  });
  while (open.length > 0) out += open.pop()!.close;
  return out;
}

function memoize(resolve: StoryUrlResolver): StoryUrlResolver {
  const cache = new Map<string, string | null>();
  return (storyId) => {
    if (!cache.has(storyId)) cache.set(storyId, resolve(storyId));
    return cache.get(storyId) ?? null;
  };
}

// The schema is built once; its nodes read the resolvers of the render in progress from here (rendering is synchronous).
let activeResolvers: { story: StoryUrlResolver; media: MediaUrlResolver } | undefined;
let renderSchema: Schema | undefined;

function getRenderSchema(): Schema {
  renderSchema ??= getSchema(
    storyExtensions({
      resolveStoryUrl: (storyId) =>
        activeResolvers ? activeResolvers.story(storyId) : defaultStoryUrl(storyId),
      resolveMediaUrl: (src) => (activeResolvers ? activeResolvers.media(src) : src),
    }),
  );
  return renderSchema;
}

/**
 * Renders a story body to clean HTML, in Node or the browser, with the same node and mark definitions as the editor.
 * Top-level blocks are separated by a newline. Resolvers apply whenever given; `forPublishing` drops comment anchors.
 * @throws InvalidDocumentError when `doc` is not a valid story body.
 */
export function storyToHtml(doc: JSONContent | ProseMirrorNode, options: StoryHtmlOptions = {}): string {
  const node = doc instanceof ProseMirrorNode ? doc : parseStoryDoc(doc);
  const { forPublishing = false } = options;
  const story = options.resolveStoryUrl ? memoize(options.resolveStoryUrl) : defaultStoryUrl;
  const media = options.resolveMediaUrl ?? ((src: string) => src);
  const context: RenderContext = {
    schema: getRenderSchema(),
    omitMark: (mark) =>
      (forPublishing && mark.type.name === 'commentAnchor') ||
      (mark.type.name === 'storyLink' && story(String(mark.attrs.storyId)) === null),
  };
  const previous = activeResolvers;
  activeResolvers = { story, media };
  try {
    const blocks: string[] = [];
    node.forEach((block) => blocks.push(renderNode(block, context)));
    return blocks.join('\n');
  } finally {
    activeResolvers = previous;
  }
}
