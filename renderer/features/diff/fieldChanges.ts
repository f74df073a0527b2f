import type { StoryFields } from '../../../shared/domain/story';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const FIELDS: { key: Exclude<keyof StoryFields, 'body'>; label: string }[] = [
  { key: 'headline', label: 'Headline' },
  { key: 'standfirst', label: 'Standfirst' },
  { key: 'byline', label: 'Byline' },
  { key: 'dateline', label: 'Dateline' },
  { key: 'credit', label: 'Credit' },
  { key: 'sectionId', label: 'Section' },
  { key: 'slug', label: 'Slug' },
  { key: 'featuredImage', label: 'Featured image' },
  { key: 'embargoUntil', label: 'Embargo' },
];

/** The fields other than the body that differ between two revisions, with readable values. */
export function fieldChanges(
  before: StoryFields,
  after: StoryFields,
  sectionName: (id: string | null) => string,
): FieldChange[] {
  const show = (key: (typeof FIELDS)[number]['key'], fields: StoryFields) =>
    key === 'sectionId' ? sectionName(fields.sectionId) : (fields[key] ?? '');
  return FIELDS.filter(({ key }) => before[key] !== after[key]).map(({ key, label }) => ({
    field: label,
    before: show(key, before),
    after: show(key, after),
  }));
}
