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
  const joined = text.replace(NUMBER_SEPARATOR, '').replace(WORD_JOINER, '');
  return joined.match(WORD)?.length ?? 0;
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
