import { describe, expect, it } from 'vitest';
import {
  countWords,
  InvalidDocumentError,
  readingMinutes,
  readingTimeLabel,
  storyToText,
} from '../../../shared/editor';
import { everyNodeDoc } from './fixtures';

describe('storyToText', () => {
  it('gives one block per paragraph, list item, quote, figure and also-read, separated by blank lines', () => {
    expect(storyToText(everyNodeDoc)).toBe(
      [
        'Council votes',
        'The mayor said no, twice and not thrice\nRead the report or last week’s story.',
        'Reactions',
        'Shops closed',
        'Roads open',
        'First',
        'We were not consulted.',
        'A vote for the future',
        'Councillors vote AFP',
        'ALSO READ: Budget: what changes',
        'End.',
      ].join('\n\n'),
    );
  });

  it('skips empty blocks and figures without caption or credit', () => {
    expect(
      storyToText({
        type: 'doc',
        content: [
          { type: 'paragraph' },
          { type: 'paragraph', content: [{ type: 'text', text: '  Only  ' }] },
          { type: 'figure', attrs: { src: 'https://cdn.example.com/a.png', alt: 'alt is not text' } },
          { type: 'figure', attrs: { src: 'https://cdn.example.com/b.png', credit: 'Reuters' } },
        ],
      }),
    ).toBe('Only\n\nReuters');
  });

  it('refuses an invalid document', () => {
    expect(() => storyToText({ type: 'doc', content: [{ type: 'video' }] })).toThrow(InvalidDocumentError);
  });
});

/** The counting rules in their general Unicode form, which plain-ASCII text takes a faster path through. */
function countWordsByUnicodeRules(text: string): number {
  const ideographic = '(?=[\\p{L}\\p{N}])[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}]';
  const word = new RegExp(`${ideographic}|(?:(?!${ideographic})[\\p{L}\\p{M}\\p{N}])+`, 'gu');
  const joined = text
    .replace(/(?<=\p{N})[.,](?=\p{N})/gu, '')
    .replace(/(?<=[\p{L}\p{M}\p{N}])['\u2019\u2010\u2011-](?=[\p{L}\p{N}])/gu, '');
  return joined.match(word)?.length ?? 0;
}

describe('countWords', () => {
  it('counts plain-ASCII text exactly as the Unicode rules do', () => {
    const alphabet = "aZq09 .,'-\n\t!@[`{\u0010\u0019_";
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 3_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 40) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(countWordsByUnicodeRules(text));
    }
    expect(countWords("Don't 1,000.5 state-of-the-art -x- a--b")).toBe(6);
  });

  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['Hello, world!', 2],
    ['— … !! ?? & * 🎉', 0],
    ["don't stop believin’", 3],
    ['a state-of-the-art plan', 3],
    ['It cost $1,000.50 (about 3.5%).', 5],
    ['Café naïve résumé', 3],
    ['e\u0301cole', 1],
    ['Привет, мир', 2],
    ['مرحبا بالعالم', 2],
    ['서울 시청', 2],
    ['東京タワー', 5],
    ['我们是学生。', 5],
    ['日本語 text here', 5],
    ['iPhone手机', 3],
    ['line one\nline two', 4],
  ])('counts %j as %i', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('counts a story body through storyToText', () => {
    expect(countWords(storyToText(everyNodeDoc))).toBe(41);
  });
});

describe('reading time', () => {
  it.each([
    [0, 1],
    [1, 1],
    [230, 1],
    [231, 2],
    [460, 2],
    [461, 3],
    [-5, 1],
    [Number.NaN, 1],
  ])('reads %i words in %i min', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it('labels it', () => {
    expect(readingTimeLabel(1)).toBe('1 min read');
    expect(readingTimeLabel(230)).toBe('1 min read');
    expect(readingTimeLabel(231)).toBe('2 min read');
  });
});
