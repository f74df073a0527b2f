import type * as Y from 'yjs';
import { FIELDS_MAP } from '../../../shared/domain/storyDocShape';

const AUTHOR = 'author';

/** Who wrote the story, beside its fields in the doc (set once, where the story was written). */
export function writeStoryAuthor(doc: Y.Doc, author: string, origin: unknown): void {
  const fields = doc.getMap<unknown>(FIELDS_MAP);
  if (!fields.has(AUTHOR) && author) doc.transact(() => fields.set(AUTHOR, author), origin);
}

/** The story's author as the doc holds it, or undefined (a doc from before authors travelled). */
export function readStoryAuthor(doc: Y.Doc): string | undefined {
  const author = doc.getMap<unknown>(FIELDS_MAP).get(AUTHOR);
  return typeof author === 'string' ? author.slice(0, 200) : undefined;
}
