import { generateJSON } from '@tiptap/html/server';
import type { StoryBody } from '../../shared/domain/story';
import { cleanPastedHtml, storyExtensions } from '../../shared/editor';

const extensions = storyExtensions();

/**
 * Imported HTML → a story body, through the same cleaning and schema as a paste: what the schema has
 * no place for (scripts, handlers, `javascript:` links, unknown tags) does not survive.
 */
export function htmlToDoc(html: string): StoryBody {
  const doc = generateJSON(cleanPastedHtml(html), extensions) as StoryBody;
  return doc.content && doc.content.length > 0 ? doc : { type: 'doc', content: [{ type: 'paragraph' }] };
}
