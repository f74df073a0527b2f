import { describe, expect, it } from 'vitest';
import { availableActions, checkTransition } from '../../../shared/domain/workflow';

describe('checkTransition', () => {
  it('sends a story through review', () => {
    expect(checkTransition({ from: 'draft', action: 'submit', role: 'reporter' })).toEqual({
      ok: true,
      to: 'in_review',
    });
    expect(checkTransition({ from: 'in_review', action: 'approve', role: 'editor' })).toEqual({
      ok: true,
      to: 'approved',
    });
    expect(checkTransition({ from: 'in_review', action: 'return', role: 'editor', note: 'Source?' })).toEqual(
      {
        ok: true,
        to: 'returned',
      },
    );
    expect(checkTransition({ from: 'returned', action: 'draft', role: 'reporter' })).toEqual({
      ok: true,
      to: 'draft',
    });
  });

  it('refuses what a reporter may not do, whatever the state', () => {
    for (const action of ['approve', 'return', 'spike', 'restore'] as const) {
      expect(checkTransition({ from: 'in_review', action, role: 'reporter', note: 'x' })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(checkTransition({ from: 'approved', action: 'draft', role: 'reporter' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('refuses a move from the wrong state, and a return without a note', () => {
    expect(checkTransition({ from: 'approved', action: 'submit', role: 'editor' })).toEqual({
      ok: false,
      code: 'conflict',
      message: 'Cannot submit for review: the story is approved.',
    });
    expect(checkTransition({ from: 'spiked', action: 'spike', role: 'editor' })).toMatchObject({ ok: false });
    expect(checkTransition({ from: 'published', action: 'spike', role: 'editor' })).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringContaining('Unpublish it first'),
    });
    expect(checkTransition({ from: 'in_review', action: 'return', role: 'editor', note: ' ' })).toMatchObject(
      {
        ok: false,
        code: 'invalid-input',
      },
    );
  });

  it('restores a spiked story to where it was, or to draft when that is unknown', () => {
    expect(
      checkTransition({ from: 'spiked', action: 'restore', role: 'editor', previousStatus: 'approved' }),
    ).toEqual({
      ok: true,
      to: 'approved',
    });
    expect(
      checkTransition({ from: 'spiked', action: 'restore', role: 'editor', previousStatus: null }),
    ).toEqual({
      ok: true,
      to: 'draft',
    });
  });

  it('lists what each role can do', () => {
    expect(availableActions('in_review', 'editor')).toEqual(['approve', 'return', 'draft', 'spike']);
    expect(availableActions('in_review', 'reporter')).toEqual([]);
    expect(availableActions('returned', 'reporter')).toEqual(['submit', 'draft']);
    expect(availableActions('spiked', 'editor')).toEqual(['restore']);
    expect(availableActions('published', 'editor')).toEqual([]);
  });
});
