import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { storyExtensions } from './storyExtensions';

/** A story body that does not fit the story schema: unknown node or mark, misplaced content, invalid attribute. */
export class InvalidDocumentError extends Error {
  override readonly name = 'InvalidDocumentError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** `error` (from the schema, a size check, a cleaning) as the refusal of a story document, keeping its reason. */
export function invalidDocument(error: unknown): InvalidDocumentError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InvalidDocumentError(`Invalid story document: ${reason}`, { cause: error });
}

let cachedSchema: Schema | undefined;

/** The ProseMirror schema of a story body, built once from `storyExtensions()`. */
export function storySchema(): Schema {
  cachedSchema ??= getSchema(storyExtensions());
  return cachedSchema;
}

/**
 * Checks TipTap JSON against the story schema and returns the document. A doc without content is read as an
 * empty story (one empty paragraph).
 * @throws InvalidDocumentError when the JSON is not a valid story body.
 */
export function parseStoryDoc(json: unknown, schema: Schema = storySchema()): ProseMirrorNode {
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    (json as { type?: unknown }).type !== 'doc'
  ) {
    throw new InvalidDocumentError('Invalid story document: expected an object of type "doc"');
  }
  try {
    const doc = schema.nodeFromJSON(json);
    if (doc.childCount === 0) return schema.topNodeType.createAndFill() ?? doc;
    doc.check();
    return doc;
  } catch (error) {
    throw invalidDocument(error);
  }
}
