import type { StoryFields } from './story';

/** TipTap Collaboration's default fragment name, so an editor bound to the doc edits this body. */
export const BODY_FIELD = 'default';
export const FIELDS_MAP = 'fields';
export const TAGS_MAP = 'tags';
export const COMMENTS_LOG = 'comments';

/** The story fields a desk story's Y.Doc holds in its FIELDS_MAP, one value per field (the last write wins). */
export const SYNCED_FIELDS = [
  'headline',
  'standfirst',
  'byline',
  'dateline',
  'credit',
  'slug',
  'sectionId',
  'featuredImage',
  'embargoUntil',
] as const satisfies readonly (keyof StoryFields)[];
export type SyncedField = (typeof SYNCED_FIELDS)[number];
export type SyncedFields = Pick<StoryFields, SyncedField>;
export const isSyncedField = (key: string): key is SyncedField =>
  (SYNCED_FIELDS as readonly string[]).includes(key);
