import type { JSONContent } from '@tiptap/core';
import { DOMSerializer, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { alsoReadSpec, type AlsoReadAttributes } from './alsoRead';
import { figureSpec, type FigureAttributes } from './figure';
import { htmlStringDocument, toHtmlString } from './htmlString';
import { parseStoryDoc, storySchema } from './parseStoryDoc';
import { storyLinkSpec } from './storyLink';
import { defaultStoryUrl, type MediaUrlResolver, type StoryUrlResolver } from './storyUrl';

/** How `storyToHtml` renders a story body. */
export interface StoryHtmlOptions {
  /** The URL of a linked story (story links and also-read blocks); null renders the text without a link. */
  resolveStoryUrl?: StoryUrlResolver;
  /** The URL of a figure's image, given its stored `src` (a `media/…` path or an http(s) URL). */
  resolveMediaUrl?: MediaUrlResolver;
  /** Leaves out what only the newsroom sees: comment anchors. */
  forPublishing?: boolean;
}

function memoize(resolve: StoryUrlResolver): StoryUrlResolver {
  const cache = new Map<string, string | null>();
  return (storyId) => {
    if (!cache.has(storyId)) cache.set(storyId, resolve(storyId));
    return cache.get(storyId) ?? null;
  };
}

/** The document without the marks that are not rendered: unresolved story links, and comment anchors when publishing. */
function withoutUnrenderedMarks(
  doc: ProseMirrorNode,
  story: StoryUrlResolver,
  forPublishing: boolean,
): ProseMirrorNode {
  const transform = new Transform(doc);
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      const name = mark.type.name;
      if (
        (forPublishing && name === 'commentAnchor') ||
        (name === 'storyLink' && story(String(mark.attrs.storyId)) === null)
      )
        transform.removeMark(pos, pos + node.nodeSize, mark);
    }
  });
  return transform.doc;
}

/**
 * Renders a story body to clean HTML, in Node or the browser, with ProseMirror's DOMSerializer over the same node and
 * mark definitions as the editor; links and images go through this call's resolvers. Top-level blocks are separated
 * by a newline; `forPublishing` drops comment anchors.
 * @throws InvalidDocumentError when `doc` is not a valid story body.
 */
export function storyToHtml(doc: JSONContent | ProseMirrorNode, options: StoryHtmlOptions = {}): string {
  const node = doc instanceof ProseMirrorNode ? doc : parseStoryDoc(doc);
  const story = options.resolveStoryUrl ? memoize(options.resolveStoryUrl) : defaultStoryUrl;
  const media = options.resolveMediaUrl ?? ((src: string) => src);
  const base = DOMSerializer.fromSchema(storySchema());
  const serializer = new DOMSerializer(
    {
      ...base.nodes,
      figure: (figure) => figureSpec(figure.attrs as FigureAttributes, media),
      alsoRead: (alsoRead) => alsoReadSpec(alsoRead.attrs as AlsoReadAttributes, story),
    },
    { ...base.marks, storyLink: (mark) => storyLinkSpec(String(mark.attrs.storyId), story) },
  );
  const blocks: string[] = [];
  withoutUnrenderedMarks(node, story, options.forPublishing ?? false).forEach((block) =>
    blocks.push(
      toHtmlString(serializer.serializeNode(block, { document: htmlStringDocument as unknown as Document })),
    ),
  );
  return blocks.join('\n');
}
