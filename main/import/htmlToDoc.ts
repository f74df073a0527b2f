import { getSchema } from '@tiptap/core';
import { DOMParser as SchemaParser } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import type { StoryBody } from '../../shared/domain/story';
import { cleanPastedHtml, storyExtensions } from '../../shared/editor';

const schema = getSchema(storyExtensions());
const parser = SchemaParser.fromSchema(schema);
// What `generateJSON` from @tiptap/html/server does, but with one schema and one happy-dom window
// for many documents: it builds both per call (~30 ms, and memory that a 100 000-story import
// never gets back). The window is renewed now and then so what it caches stays bounded.
const PARSES_PER_WINDOW = 500;
let window: Window | null = null;
let parses = 0;

function domParser(): InstanceType<Window['DOMParser']> {
  if (!window || parses >= PARSES_PER_WINDOW) {
    window?.happyDOM.close();
    window = new Window({
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        disableComputedStyleRendering: true,
      },
    });
    parses = 0;
  }
  parses++;
  return new window.DOMParser();
}

/**
 * Imported HTML → a story body, through the same cleaning and schema as a paste: what the schema has
 * no place for (scripts, handlers, `javascript:` links, unknown tags) does not survive.
 */
export function htmlToDoc(html: string): StoryBody {
  const document = domParser().parseFromString(
    `<!DOCTYPE html><html><body>${cleanPastedHtml(html)}</body></html>`,
    'text/html',
  );
  const doc = parser.parse(document.body as unknown as Node).toJSON() as StoryBody;
  return doc.content && doc.content.length > 0 ? doc : { type: 'doc', content: [{ type: 'paragraph' }] };
}
