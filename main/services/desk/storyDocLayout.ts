/** TipTap Collaboration's default fragment name, so an editor bound to the doc edits this body. */
export const BODY_FIELD = 'default';
export const FIELDS_MAP = 'fields';
export const TAGS_MAP = 'tags';
export const COMMENTS_LOG = 'comments';
