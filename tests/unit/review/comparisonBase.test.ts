import { describe, expect, it } from 'vitest';
import { APPROVAL_VOIDED_NOTE, type StatusChange } from '../../../shared/domain/workflow';
import { comparisonBase } from '../../../renderer/features/diff/comparisonBase';
import { pendingReturn } from '../../../renderer/features/review/pendingReturn';

type Move = Pick<StatusChange, 'action' | 'revision'>;

/** Moves oldest first, as they happen; workflow:history answers newest first. */
const history = (...moves: [StatusChange['action'], number][]): Move[] =>
  moves.map(([action, revision]) => ({ action, revision })).reverse();
/** Revisions 1…newest, newest first like revisions:list. */
const revisions = (newest: number) => Array.from({ length: newest }, (_, i) => ({ n: newest - i }));

describe('comparisonBase (the "since submitted" default of the comparison)', () => {
  it('compares a story never submitted from its first revision', () => {
    expect(comparisonBase([], revisions(4))).toBe(1);
    expect(comparisonBase([], [])).toBeNull();
  });

  it('compares a story the desk sent back to review (an edit landed after approval) with the approved revision', () => {
    const voided = [
      { action: 'submit' as const, revision: 7, note: APPROVAL_VOIDED_NOTE },
      ...history(['submit', 3], ['approve', 5]),
    ];
    expect(comparisonBase(voided, revisions(8))).toBe(5);
    // A plain resubmission after an approval is compared from that submission.
    expect(comparisonBase(history(['submit', 3], ['approve', 5], ['submit', 7]), revisions(8))).toBe(7);
  });

  it('compares a first submission from that submission, also after the editor comments on it', () => {
    expect(comparisonBase(history(['submit', 3]), revisions(3))).toBe(3);
    expect(comparisonBase(history(['submit', 3]), revisions(5))).toBe(3);
  });

  it('compares a resubmitted story from the submission the editor returned, whatever came since', () => {
    const resubmitted = history(['submit', 3], ['return', 4], ['submit', 6]);
    expect(comparisonBase(resubmitted, revisions(6))).toBe(3);
    // The editor's comment saves the body: the reporter's fixes still show.
    expect(comparisonBase(resubmitted, revisions(8))).toBe(3);
    // Back to draft before resubmitting changes nothing.
    expect(
      comparisonBase(history(['submit', 3], ['return', 4], ['draft', 5], ['submit', 7]), revisions(9)),
    ).toBe(3);
  });

  it('shows the reporter of a returned story their fixes since the returned submission', () => {
    expect(comparisonBase(history(['submit', 3], ['return', 4]), revisions(6))).toBe(3);
    expect(comparisonBase(history(['submit', 3], ['return', 4], ['draft', 5]), revisions(7))).toBe(3);
  });

  it('takes the last return when a story was returned more than once', () => {
    const twice = history(['submit', 2], ['return', 3], ['submit', 5], ['return', 6], ['submit', 8]);
    expect(comparisonBase(twice, revisions(9))).toBe(5);
  });

  it('forgets a return from an earlier round, once the story was approved or published', () => {
    const later = history(
      ['submit', 2],
      ['return', 3],
      ['submit', 5],
      ['approve', 6],
      ['publish', 7],
      ['draft', 8],
      ['submit', 10],
    );
    expect(comparisonBase(later, revisions(11))).toBe(10);
  });

  it('falls back to the first revision when the submission is not listed', () => {
    expect(comparisonBase(history(['submit', 9]), revisions(4))).toBe(1);
  });
});

describe('pendingReturn', () => {
  it('keeps the last return until the story is resubmitted', () => {
    expect(pendingReturn(history(['submit', 2]))).toBeNull();
    expect(pendingReturn(history(['submit', 2], ['return', 3]))).toEqual({ action: 'return', revision: 3 });
    expect(pendingReturn(history(['submit', 2], ['return', 3], ['draft', 4]))).toEqual({
      action: 'return',
      revision: 3,
    });
    expect(pendingReturn(history(['submit', 2], ['return', 3], ['submit', 5], ['return', 6]))).toEqual({
      action: 'return',
      revision: 6,
    });
    expect(pendingReturn(history(['submit', 2], ['return', 3], ['draft', 4], ['submit', 5]))).toBeNull();
  });
});
