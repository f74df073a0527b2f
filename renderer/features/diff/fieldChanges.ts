import type { Revision } from '../../../shared/domain/revision';
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

/** The fields other than the body (and the tags, when both revisions kept them) that differ, with readable values. */
export function fieldChanges(
  before: Pick<Revision, 'fields' | 'tags'>,
  after: Pick<Revision, 'fields' | 'tags'>,
  sectionName: (id: string | null) => string,
): FieldChange[] {
  const show = (key: (typeof FIELDS)[number]['key'], fields: StoryFields) =>
    key === 'sectionId' ? sectionName(fields.sectionId) : (fields[key] ?? '');
  const changes = FIELDS.filter(({ key }) => before.fields[key] !== after.fields[key]).map(
    ({ key, label }) => ({ field: label, before: show(key, before.fields), after: show(key, after.fields) }),
  );
  if (before.tags && after.tags && before.tags.join('\n') !== after.tags.join('\n'))
    changes.push({ field: 'Tags', before: before.tags.join(', '), after: after.tags.join(', ') });
  return changes;
}
