import type { JSONContent } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { cleanStrings } from '../domain/text';
import { InvalidDocumentError, invalidDocument } from './parseStoryDoc';
import { readBlock, type BlockFacts } from './readStoryDoc';

/** A top-level block as a story body stores it, checked once. */
export interface CheckedBlock {
  node: ProseMirrorNode;
  /** Its normalised JSON (`node.toJSON()`). */
  json: JSONContent;
  facts: BlockFacts;
  nodes: number;
  characters: number;
}

/**
 * Blocks are kept by the text of the JSON they came as: an autosave sends the whole body for one changed paragraph,
 * and the others need not be cleaned, checked against the schema, read and counted again. Nodes are immutable, so
 * one may stand in every document that has the block. Oldest out first, past this many.
 */
const MAX_BLOCKS = 20_000;
const checked = new Map<string, CheckedBlock>();

function check(json: unknown, schema: Schema): CheckedBlock {
  let node: ProseMirrorNode;
  try {
    node = schema.nodeFromJSON(cleanStrings(json));
    node.check();
  } catch (error) {
    throw invalidDocument(error);
  }
  return { node, json: node.toJSON() as JSONContent, facts: readBlock(node), ...sizeOf(node) };
}

/** How many nodes `node` is (itself and all in it) and how many characters of text they hold. */
export function sizeOf(node: ProseMirrorNode): { nodes: number; characters: number } {
  let nodes = 1;
  let characters = node.text?.length ?? 0;
  node.descendants((child) => {
    nodes++;
    characters += child.text?.length ?? 0;
  });
  return { nodes, characters };
}

function keyOf(json: unknown): string {
  try {
    return JSON.stringify(json);
  } catch (error) {
    throw invalidDocument(error);
  }
}

/** The top-level blocks of a body's `content`, each checked (or found checked before). */
export function checkedBlocks(content: readonly unknown[], schema: Schema): CheckedBlock[] {
  return content.map((json) => {
    const key = keyOf(json);
    const known = checked.get(key);
    if (known) {
      // Most recently used last, so the oldest goes first.
      checked.delete(key);
      checked.set(key, known);
      return known;
    }
    const block = check(json, schema);
    checked.set(key, block);
    if (checked.size > MAX_BLOCKS) checked.delete(checked.keys().next().value!);
    return block;
  });
}

/** A document of checked blocks, its content checked against the schema's top node. */
export function docOfBlocks(blocks: readonly CheckedBlock[], schema: Schema): ProseMirrorNode {
  const content = Fragment.fromArray(blocks.map((block) => block.node));
  if (!schema.topNodeType.validContent(content))
    throw new InvalidDocumentError('Invalid story document: these blocks cannot make a story body');
  return schema.topNodeType.create(null, content);
}
