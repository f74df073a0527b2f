import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { StoryBody } from '../../../shared/domain/story';
import { storySchema } from '../../../shared/editor';

/**
 * Whether two bodies are the same document. The JSON read back from a Y.Doc spells defaults and attribute
 * order differently from the editor's, so comparing strings would call a reconnect an edit.
 */
export function sameBody(a: StoryBody, b: StoryBody): boolean {
  if (JSON.stringify(a) === JSON.stringify(b)) return true;
  try {
    const schema = storySchema();
    return ProseMirrorNode.fromJSON(schema, a).eq(ProseMirrorNode.fromJSON(schema, b));
  } catch {
    return false;
  }
}
