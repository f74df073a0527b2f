import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { cleanStrings } from '../domain/text';
import { checkedBlocks, docOfBlocks, sizeOf } from './checkedBlocks';
import { InvalidDocumentError, invalidDocument, parseStoryDoc, storySchema } from './parseStoryDoc';
import { combineBlockFacts, readStoryDoc, rememberStoryDocFacts, type StoryDocFacts } from './readStoryDoc';

/** The most a story body may hold: nodes (paragraphs, text runs, list items…) and characters of text. */
export const STORY_BODY_LIMITS = { nodes: 100_000, characters: 2_000_000 } as const;

/**
 * A story body from anywhere (the API, an import, another machine) as the core stores it: characters HTML and XML
 * do not allow removed from every string; checked against the story schema (node types, marks, attributes, URL
 * schemes, sizes: the rules a paste goes through); and normalised, so attributes the schema does not know are
 * dropped and missing ones get their defaults.
 * @throws InvalidDocumentError when the body is not a valid story body, or is too large.
 */
export function cleanStoryBody(json: unknown): {
  body: JSONContent;
  doc: ProseMirrorNode;
  facts: StoryDocFacts;
} {
  const content = blockContent(json);
  if (!content) return cleanWhole(json);
  const schema = storySchema();
  const blocks = checkedBlocks(content, schema);
  withinLimits(blocks);
  const doc = docOfBlocks(blocks, schema);
  const body: JSONContent = { type: 'doc', content: blocks.map((block) => block.json) };
  const facts = combineBlockFacts(blocks.map((block) => block.facts));
  rememberStoryDocFacts(body, facts);
  return { body, doc, facts };
}

/** The blocks of a plain `{ type: 'doc', content: [...] }` (nothing else on it), or null for any other input. */
function blockContent(json: unknown): unknown[] | null {
  if (typeof json !== 'object' || json === null) return null;
  const { type, content, ...rest } = json as { type?: unknown; content?: unknown };
  return type === 'doc' && Array.isArray(content) && content.length > 0 && Object.keys(rest).length === 0
    ? content
    : null;
}

/** Refuses a body whose blocks hold more than the limits allow. */
function withinLimits(blocks: readonly { nodes: number; characters: number }[]) {
  const nodes = blocks.reduce((sum, block) => sum + block.nodes, 0);
  const characters = blocks.reduce((sum, block) => sum + block.characters, 0);
  if (nodes > STORY_BODY_LIMITS.nodes)
    throw new InvalidDocumentError(
      `A story body holds at most ${STORY_BODY_LIMITS.nodes} nodes; this one has ${nodes}`,
    );
  if (characters > STORY_BODY_LIMITS.characters)
    throw new InvalidDocumentError(
      `A story body holds at most ${STORY_BODY_LIMITS.characters} characters of text`,
    );
}

/** Any other input: cleaned and checked as one (an empty doc becomes one empty paragraph; the rest is refused). */
function cleanWhole(json: unknown) {
  let cleaned: unknown;
  try {
    cleaned = cleanStrings(json);
  } catch (error) {
    throw invalidDocument(error);
  }
  const doc = parseStoryDoc(cleaned);
  const sizes: { nodes: number; characters: number }[] = [];
  doc.forEach((block) => sizes.push(sizeOf(block)));
  withinLimits(sizes);
  const body = doc.toJSON() as JSONContent;
  const facts = readStoryDoc(doc);
  // The hooks of a save read the stored body's links and comment anchors: from these facts, not a second parse.
  rememberStoryDocFacts(body, facts);
  return { body, doc, facts };
}
