import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { LinkKind } from '../domain/storyLinks';
import { alsoReadText, type AlsoReadAttributes } from './alsoRead';
import { figureText, type FigureAttributes } from './figure';
import { parseStoryDoc } from './parseStoryDoc';
import { countWords } from './serializeText';

/** A link of a story body to another story: an inline story link, or an also-read block with its headline. */
export interface StoryDocLink {
  storyId: string;
  kind: LinkKind;
  /** The headline an also-read block was inserted with; '' for an inline link. */
  headline: string;
}

/** What a story body holds, read in one pass over the parsed document. */
export interface StoryDocFacts {
  /** Links to other stories in document order, each story and kind once. */
  links: StoryDocLink[];
  /** The `src` of every figure in document order, each once. */
  media: string[];
  /** The ids of the comments anchored in the text, in document order, each once. */
  commentIds: string[];
  /**
   * The plain text, for search and word counts: one block per paragraph, heading, list item, pull quote, figure
   * (caption and credit) or also-read ("ALSO READ: <headline>"), separated by blank lines.
   */
  text: string;
  wordCount: number;
}

/** What one top-level block holds: the parts of `StoryDocFacts` that add up block by block. */
export interface BlockFacts {
  links: StoryDocLink[];
  media: string[];
  commentIds: string[];
  /** Its text blocks (a list has one per item), trimmed, none empty. */
  texts: string[];
  wordCount: number;
}

/** The facts of one top-level block (the block and everything in it). */
export function readBlock(block: ProseMirrorNode): BlockFacts {
  const facts: BlockFacts = { links: [], media: [], commentIds: [], texts: [], wordCount: 0 };
  const addBlock = (text: string) => {
    if (text.trim() !== '') facts.texts.push(text.trim());
  };
  const visit = (node: ProseMirrorNode): boolean => {
    if (node.type.name === 'figure') {
      const attributes = node.attrs as FigureAttributes;
      facts.media.push(attributes.src);
      addBlock(figureText(attributes));
    } else if (node.type.name === 'alsoRead') {
      const attributes = node.attrs as AlsoReadAttributes;
      facts.links.push({ storyId: attributes.storyId, kind: 'also_read', headline: attributes.headline });
      addBlock(alsoReadText(attributes));
    } else if (node.isTextblock) {
      let text = '';
      node.forEach((child) => {
        if (child.isText) text += child.text ?? '';
        else if (child.type.name === 'hardBreak') text += '\n';
        for (const mark of child.marks) {
          if (mark.type.name === 'storyLink')
            facts.links.push({ storyId: String(mark.attrs.storyId), kind: 'inline', headline: '' });
          else if (mark.type.name === 'commentAnchor') facts.commentIds.push(String(mark.attrs.commentId));
        }
      });
      addBlock(text);
      return false;
    }
    return true;
  };
  if (visit(block)) block.descendants(visit);
  // Words never run across the blank line between two text blocks, so counts add up.
  for (const text of facts.texts) facts.wordCount += countWords(text);
  return facts;
}

/** A document's facts from its blocks' facts, in document order; each link, figure and comment once. */
export function combineBlockFacts(blocks: readonly BlockFacts[]): StoryDocFacts {
  const links = new Map<string, StoryDocLink>();
  const media = new Set<string>();
  const commentIds = new Set<string>();
  const texts: string[] = [];
  let wordCount = 0;
  for (const block of blocks) {
    for (const link of block.links)
      if (!links.has(`${link.kind}:${link.storyId}`)) links.set(`${link.kind}:${link.storyId}`, link);
    for (const src of block.media) media.add(src);
    for (const id of block.commentIds) commentIds.add(id);
    texts.push(...block.texts);
    wordCount += block.wordCount;
  }
  return {
    links: [...links.values()],
    media: [...media],
    commentIds: [...commentIds],
    text: texts.join('\n\n'),
    wordCount,
  };
}

function read(doc: ProseMirrorNode): StoryDocFacts {
  const blocks: BlockFacts[] = [];
  doc.forEach((block) => blocks.push(readBlock(block)));
  return combineBlockFacts(blocks);
}

const cache = new WeakMap<object, StoryDocFacts>();

/**
 * The one traversal of a story body: its links, media, comment anchors, text and word count. Given JSON, the body is
 * first checked against the story schema. Bodies are read once: the same object gives the same facts.
 * @throws InvalidDocumentError when `doc` is not a valid story body.
 */
export function readStoryDoc(doc: unknown): StoryDocFacts {
  const key = typeof doc === 'object' && doc !== null ? doc : null;
  let facts = key && cache.get(key);
  if (!facts) {
    facts = read(doc instanceof ProseMirrorNode ? doc : parseStoryDoc(doc));
    if (key) cache.set(key, facts);
  }
  return facts;
}

/** Lets `readStoryDoc(json)` answer from `facts` for `json`, the JSON of a document already read as such. */
export function rememberStoryDocFacts(json: object, facts: StoryDocFacts): void {
  cache.set(json, facts);
}

/**
 * The plain text of a story body (`readStoryDoc(doc).text`).
 * @throws InvalidDocumentError when `doc` is not a valid story body.
 */
export const storyToText = (doc: JSONContent | ProseMirrorNode): string => readStoryDoc(doc).text;

/** The body with each also-read block showing `headlineOf(storyId)` where known, not the headline it was inserted with. */
export function withAlsoReadHeadlines(
  doc: JSONContent | ProseMirrorNode,
  headlineOf: (storyId: string) => string | null,
): ProseMirrorNode {
  const node = doc instanceof ProseMirrorNode ? doc : parseStoryDoc(doc);
  const transform = new Transform(node);
  node.descendants((child, pos) => {
    if (child.type.name !== 'alsoRead') return !child.isTextblock;
    const headline = headlineOf(String(child.attrs.storyId));
    if (headline) transform.setNodeAttribute(pos, 'headline', headline);
    return false;
  });
  return transform.doc;
}
