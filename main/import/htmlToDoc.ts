import { Window } from 'happy-dom';
import type { StoryBody } from '../../shared/domain/story';
import { parseForeignDoc } from '../../shared/editor';

// One happy-dom window for many documents (`generateJSON` from @tiptap/html/server builds a window and a
// schema per call: ~30 ms, and memory a 100 000-story import never gets back). The window is renewed now
// and then so what it caches stays bounded; it loads and runs nothing.
const PARSES_PER_WINDOW = 500;
let window: Window | null = null;
let parses = 0;

function inertDocument(): Parameters<typeof parseForeignDoc>[1] {
  if (!window || parses >= PARSES_PER_WINDOW) {
    if (window) void window.happyDOM.close();
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
  return window.document as unknown as Parameters<typeof parseForeignDoc>[1];
}

/**
 * Imported HTML → a story body, through the same cleaning and schema as a paste: what the schema has
 * no place for (scripts, handlers, `javascript:` links, unknown tags) does not survive.
 */
export function htmlToDoc(html: string): StoryBody {
  const doc = parseForeignDoc(html, inertDocument()).toJSON() as StoryBody;
  return doc.content && doc.content.length > 0 ? doc : { type: 'doc', content: [{ type: 'paragraph' }] };
}
