import { z } from 'zod';
const MAX_TERMS = 24;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** One thing to look for: a word (maybe a prefix) or an "exact phrase", possibly excluded. */
export interface SearchTerm {
  text: string;
  phrase: boolean;
  prefix: boolean;
  negated: boolean;
}

/** Terms that must all match; a query matches when any of its groups does ("a OR b"). */
export type SearchGroup = SearchTerm[];

interface RawToken {
  text: string;
  quoted: boolean;
  negated: boolean;
  closed: boolean;
}

function tokenize(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i]!;
    if (/\s/u.test(char)) {
      i++;
      continue;
    }
    let negated = false;
    if (char === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1);
      const text = input.slice(i + 1, end === -1 ? undefined : end);
      tokens.push({ text, quoted: true, negated, closed: end !== -1 });
      i = end === -1 ? input.length : end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/\s/u.test(input[end]!) && input[end] !== '"') end++;
    tokens.push({ text: input.slice(i, end), quoted: false, negated, closed: end < input.length });
    i = end;
  }
  return tokens;
}

/**
 * Reads what a user typed into a search box: words, "exact phrases", -excluded terms, NOT, OR.
 * Never fails: anything else (brackets, stars, colons, stray quotes) is just text to look for.
 * The last bare word matches as a prefix unless it is followed by a space, so results follow typing
 * from the first letter.
 */
export function parseSearch(input: string): SearchGroup[] {
  // FTS5 reads a NUL inside a string literal as its end; no control character is worth searching for.
  const tokens = tokenize(input.replace(/\p{Cc}/gu, ' '));
  const groups: SearchGroup[] = [[]];
  let negateNext = false;
  let terms = 0;
  tokens.forEach((token, index) => {
    if (!token.quoted && !token.negated) {
      if (token.text === 'OR') {
        if (groups.at(-1)!.length > 0) groups.push([]);
        return;
      }
      if (token.text === 'AND') return;
      if (token.text === 'NOT') {
        negateNext = true;
        return;
      }
    }
    const text = token.text.replace(/\s+/gu, ' ').trim();
    // The index keeps one-, two- and three-letter prefixes (migration 0016), so even "t" answers at once.
    const prefix = !token.quoted && index === tokens.length - 1 && !token.closed;
    if (!WORDLIKE.test(text) || terms >= MAX_TERMS) {
      negateNext = false;
      return;
    }
    groups.at(-1)!.push({
      text,
      phrase: token.quoted,
      prefix,
      negated: token.negated || negateNext,
    });
    negateNext = false;
    terms++;
  });
  return groups.filter((group) => group.some((term) => !term.negated));
}

const literal = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * An FTS5 MATCH expression built only from string literals and operators we chose, so no user
 * text is ever read as FTS5 syntax. Empty when there is nothing to look for.
 */
export function toFtsQuery(groups: readonly SearchGroup[]): string {
  return groups
    .map((group) => {
      const must = group.filter((term) => !term.negated);
      const mustNot = group.filter((term) => term.negated);
      const positive = must.map((term) => literal(term.text) + (term.prefix ? '*' : '')).join(' AND ');
      const negative = mustNot.map((term) => ` NOT ${literal(term.text)}`).join('');
      return `(${positive}${negative})`;
    })
    .join(' OR ');
}

/**
 * `match` narrowed to stories whose tags hold the words of the tag named `tagName` (as stored, so
 * the words are the index's), so a ranked search with a tag filter ranks only those. The index cannot
 * tell "Korea" from "North Korea": the exact filter still decides.
 */
export const withTagWords = (match: string, tagName: string): string =>
  WORDLIKE.test(tagName) ? `(${match}) AND {tags} : ${literal(tagName)}` : match;

/** Text split into plain and highlighted runs; the renderer shows them as text, never as HTML. */
export const TextSegment = z.object({ text: z.string(), match: z.boolean() });
export type TextSegment = z.infer<typeof TextSegment>;

export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** Splits FTS5 `snippet()` output marked with MATCH_START/MATCH_END into segments. */
export function snippetSegments(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  for (const part of marked.split(new RegExp(`([${MATCH_START}${MATCH_END}])`, 'u'))) {
    if (part === MATCH_START) match = true;
    else if (part === MATCH_END) match = false;
    else if (part) {
      const last = segments.at(-1);
      if (last && last.match === match) last.text += part;
      else segments.push({ text: part, match });
    }
  }
  return segments;
}
