import { bench, describe } from 'vitest';
import { Window } from 'happy-dom';
import {
  countWords,
  parseForeignHtml,
  parseStoryDoc,
  pasteParser,
  storySchema,
  storyToHtml,
  storyToText,
} from '../../shared/editor';

const paragraph = (i: number) => ({
  type: 'paragraph',
  content: [
    { type: 'text', text: `Paragraph ${i} of the story, with a few ordinary words in it and ` },
    { type: 'text', text: 'some bold', marks: [{ type: 'bold' }] },
    {
      type: 'text',
      text: ' text and a link.',
      marks: [{ type: 'link', attrs: { href: 'https://example.com' } }],
    },
  ],
});
const storyOf = (words: number) => ({
  type: 'doc',
  content: Array.from({ length: Math.ceil(words / 20) }, (_, i) => paragraph(i)),
});

for (const words of [10_000, 50_000]) {
  const doc = storyOf(words);
  describe(`serializers, ${words.toLocaleString('en')}-word story`, () => {
    bench('parseStoryDoc (validation on save)', () => void parseStoryDoc(doc));
    bench('storyToText + countWords', () => void countWords(storyToText(doc)));
    bench('storyToHtml', () => void storyToHtml(doc));
  });
}

describe('paste parsing by the schema (in happy-dom; the editor runs it in Chromium)', () => {
  const { document } = new Window({
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  const parser = pasteParser(storySchema());
  const wordPaste =
    '<p class=MsoNormal style="mso-x:1"><span style="font-weight:700">Bold</span> text</p>'.repeat(2_000);
  bench(
    '2,000 Word paragraphs',
    () => void parseForeignHtml(wordPaste, document as unknown as Document, parser),
  );
  bench(
    '50,000 unterminated tags (must stay linear)',
    () =>
      void parseForeignHtml(
        '<p>x</p>' + '<a title="'.repeat(50_000),
        document as unknown as Document,
        parser,
      ),
  );
});
