import { bench, describe } from 'vitest';
import { diffWords } from '../../shared/domain/diff';

/** A reporter's text: varied words, so the diff cannot lean on repetition. */
function article(n: number, seed = 1): string[] {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: n }, () => `w${next() % 5000}`);
}

/** An edited copy: one change every `every` words (replace, insert or delete). */
function edited(words: string[], every: number): string[] {
  const out: string[] = [];
  words.forEach((word, i) => {
    if (i % every !== 0) return void out.push(word);
    const kind = (i / every) % 3;
    if (kind === 0) out.push(`edited${i}`);
    if (kind === 1) out.push(word, `added${i}`);
  });
  return out;
}

for (const size of [5_000, 20_000]) {
  const before = article(size);
  const light = edited(before, 200).join(' ');
  const heavy = edited(before, 20).join(' ');
  const text = before.join(' ');
  describe(`diffWords, ${size} words`, () => {
    bench('unchanged', () => {
      diffWords(text, text);
    });
    bench(`light edit (${Math.round(size / 200)} changes)`, () => {
      diffWords(text, light);
    });
    bench(`heavy edit (${Math.round(size / 20)} changes)`, () => {
      diffWords(text, heavy);
    });
  });
}
