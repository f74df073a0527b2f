import { describe, expect, it } from 'vitest';
import { preflightItems, type PreflightFacts } from '../../../shared/domain/preflight';

const ready: PreflightFacts = {
  headline: 'Harbour budget passes',
  wordCount: 300,
  sectionId: 'top-news',
  status: 'approved',
  requireApproval: true,
  publisherRole: 'editor',
  unpublishedLinks: [],
  unresolvedComments: 0,
  featuredImage: 'media/abc.png',
  embargoUntil: null,
  now: new Date('2026-03-01T09:00:00Z'),
};
const blockers = (facts: Partial<PreflightFacts>) =>
  preflightItems({ ...ready, ...facts })
    .filter((item) => item.level === 'blocker')
    .map((item) => item.code);

describe('publish pre-flight', () => {
  it('lets an approved, complete story through', () => {
    expect(preflightItems(ready)).toEqual([]);
  });

  it('blocks a spiked story even where approval is not required', () => {
    expect(blockers({ status: 'spiked' })).toEqual(['spiked']);
    expect(blockers({ status: 'spiked', requireApproval: false })).toEqual(['spiked']);
  });

  it('blocks a draft only when approval is required, and a reporter always', () => {
    expect(blockers({ status: 'draft' })).toEqual(['not-approved']);
    expect(blockers({ status: 'draft', requireApproval: false })).toEqual([]);
    expect(blockers({ publisherRole: 'reporter' })).toEqual(['not-allowed']);
  });
});
