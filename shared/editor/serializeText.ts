const WORDS_PER_MINUTE = 230;

const NUMBER_SEPARATOR = /(?<=\p{N})[.,](?=\p{N})/gu;
const WORD_JOINER = /(?<=[\p{L}\p{M}\p{N}])['\u2019\u2010\u2011-](?=[\p{L}\p{N}])/gu;
const IDEOGRAPHIC = '(?=[\\p{L}\\p{N}])[\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}]';
const WORD = new RegExp(`${IDEOGRAPHIC}|(?:(?!${IDEOGRAPHIC})[\\p{L}\\p{M}\\p{N}])+`, 'gu');

/**
 * Counts words: runs of letters and digits in any script, kept whole across apostrophes, hyphens and digit
 * separators ("don't", "state-of-the-art", "1,000.5"); each Chinese or Japanese character counts as one word, as
 * word processors do. Punctuation and symbols are not words.
 */
export function countWords(text: string): number {
  if (!BEYOND_ASCII.test(text)) return countAsciiWords(text);
  const joined = text.replace(NUMBER_SEPARATOR, '').replace(WORD_JOINER, '');
  return joined.match(WORD)?.length ?? 0;
}

// The same rules for text without a character beyond ASCII, in one pass: a separator or joiner between
// two letters or digits (the only kind the rules remove) merges two runs into one word. Several times
// faster on a long story, which the core counts on every save and the editor after typing.
const BEYOND_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex -- the whole ASCII range

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAlphanumeric = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

function countAsciiWords(text: string): number {
  let words = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isAlphanumeric(c)) {
      if (!isAlphanumeric(previous)) words++;
    } else if (i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      const separates = (c === 0x2e || c === 0x2c) && isDigit(previous) && isDigit(next);
      const joins = (c === 0x27 || c === 0x2d) && isAlphanumeric(previous) && isAlphanumeric(next);
      if (separates || joins) words--;
    }
    previous = c;
  }
  return words;
}

/** Minutes to read `words` words at 230 words a minute, at least 1. */
export function readingMinutes(words: number): number {
  if (!Number.isFinite(words) || words <= 0) return 1;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** The reading time shown on a story, e.g. "2 min read". */
export function readingTimeLabel(words: number): string {
  return `${readingMinutes(words)} min read`;
}
