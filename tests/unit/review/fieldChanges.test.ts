import { describe, expect, it } from 'vitest';
import type { StoryFields } from '../../../shared/domain/story';
import { fieldChanges } from '../../../renderer/features/diff/fieldChanges';

const fields: StoryFields = {
  headline: 'Tram strike',
  standfirst: '',
  byline: '',
  dateline: '',
  credit: '',
  slug: 'tram-strike',
  sectionId: 'world',
  featuredImage: null,
  embargoUntil: null,
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
};
const sectionName = (id: string | null) =>
  id === 'world' ? 'World' : id === 'business' ? 'Business' : 'No section';

describe('changed fields between two revisions', () => {
  it('lists headline, section and tag changes with readable values', () => {
    const before = { fields, tags: ['Transport', 'Strikes'] };
    const after = {
      fields: { ...fields, headline: 'Tram strike ends', sectionId: 'business' },
      tags: ['Transport'],
    };
    expect(fieldChanges(before, after, sectionName)).toEqual([
      { field: 'Headline', before: 'Tram strike', after: 'Tram strike ends' },
      { field: 'Section', before: 'World', after: 'Business' },
      { field: 'Tags', before: 'Transport, Strikes', after: 'Transport' },
    ]);
  });

  it('says nothing about tags when a revision is older than kept tags, or when only the body changed', () => {
    expect(fieldChanges({ fields, tags: null }, { fields, tags: ['Transport'] }, sectionName)).toEqual([]);
    expect(
      fieldChanges(
        { fields, tags: ['A'] },
        { fields: { ...fields, body: fields.body }, tags: ['A'] },
        sectionName,
      ),
    ).toEqual([]);
  });
});
