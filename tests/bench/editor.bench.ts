import { bench, describe } from 'vitest';
import { cleanPastedHtml, countWords, parseStoryDoc, storyToHtml, storyToText } from '../../shared/editor';

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

describe('paste cleaning', () => {
  const wordPaste =
    '<p class=MsoNormal style="mso-x:1"><span style="font-weight:700">Bold</span> text</p>'.repeat(2_000);
  bench('2,000 Word paragraphs', () => void cleanPastedHtml(wordPaste));
  bench(
    '50,000 unterminated tags (must stay linear)',
    () => void cleanPastedHtml('<p>x</p>' + '<a title="'.repeat(50_000)),
  );
});
