import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { cleanStrings } from '../domain/text';
import { InvalidDocumentError, parseStoryDoc } from './parseStoryDoc';
import { readStoryDoc, rememberStoryDocFacts, type StoryDocFacts } from './readStoryDoc';

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
  let cleaned: unknown;
  try {
    cleaned = cleanStrings(json);
  } catch (error) {
    throw new InvalidDocumentError(`Invalid story document: ${(error as Error).message}`);
  }
  const doc = parseStoryDoc(cleaned);
  let nodes = 0;
  let characters = 0;
  doc.descendants((node) => {
    nodes++;
    characters += node.text?.length ?? 0;
  });
  if (nodes > STORY_BODY_LIMITS.nodes)
    throw new InvalidDocumentError(
      `A story body holds at most ${STORY_BODY_LIMITS.nodes} nodes; this one has ${nodes}`,
    );
  if (characters > STORY_BODY_LIMITS.characters)
    throw new InvalidDocumentError(
      `A story body holds at most ${STORY_BODY_LIMITS.characters} characters of text`,
    );
  const body = doc.toJSON() as JSONContent;
  const facts = readStoryDoc(doc);
  // The hooks of a save read the stored body's links and comment anchors: from these facts, not a second parse.
  rememberStoryDocFacts(body, facts);
  return { body, doc, facts };
}
