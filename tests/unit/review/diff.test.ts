import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, wordTokens } from '../../../shared/domain/diff';
import { anchoredCommentIds } from '../../../shared/editor/storyDocRefs';

const render = (before: string, after: string) =>
  diffWords(before, after)
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'ins' ? `{+${p.text}+}` : `[-${p.text}-]`))
    .join('');

describe('diffWords', () => {
  it('finds nothing between equal texts', () => {
    expect(diffWords('one two three', 'one two three')).toEqual([{ kind: 'same', text: 'one two three' }]);
  });

  it('marks inserted and deleted words in reading order', () => {
    expect(render('The minister said rates will rise', 'The finance minister said rates may rise')).toBe(
      'The {+finance +}minister said rates [-will -]{+may +}rise',
    );
  });

  it('handles texts that only grow or only shrink', () => {
    expect(render('', 'new words')).toBe('{+new words+}');
    expect(render('old words', '')).toBe('[-old words-]');
    expect(render('a b', 'a b c')).toBe('a b {+c+}');
  });

  it('ignores changes of spacing only', () => {
    expect(diffStats(diffWords('a  b\n\nc', 'a b c'))).toEqual({ inserted: 0, deleted: 0 });
  });

  it('finds a minimal edit in the middle of a long text', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed.splice(1500, 2, 'x', 'y', 'z');
    expect(diffStats(diffWords(words.join(' '), changed.join(' ')))).toEqual({ inserted: 3, deleted: 2 });
  });

  it('falls back to replacing the middle when the texts share nothing', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    expect(diffStats(diffWords(a, b))).toEqual({ inserted: 3000, deleted: 3000 });
  });

  it('tokenises words with their trailing whitespace', () => {
    expect(wordTokens(' a b\n')).toEqual([' a ', 'b\n']);
  });
});

describe('anchoredCommentIds', () => {
  it('lists anchored comment ids in document order, once each', () => {
    const text = (t: string, ...ids: string[]) => ({
      type: 'text',
      text: t,
      marks: ids.map((commentId) => ({ type: 'commentAnchor', attrs: { commentId } })),
    });
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [text('a', 'B'), text('b', 'A', 'B')] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [text('c', 'C')] }] },
      ],
    };
    expect(anchoredCommentIds(body)).toEqual(['B', 'A', 'C']);
  });
});
