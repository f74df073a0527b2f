import { z } from 'zod';
import { StoryId } from '../../shared/domain/story';

/**
 * Copydesk's own export: one JSON document whose header, each story and the closing bracket are on
 * lines of their own, so both sides stream it (a whole archive never sits in memory). Rows are as
 * stored (snake_case columns), which is what makes a re-import identical; blobs are `{"$base64": …}`.
 */
export const ARCHIVE_FORMAT = 'copydesk-export';
export const ARCHIVE_VERSION = 1;

export const STORY_CHILD_TABLES = [
  'comments',
  'revisions',
  'story_links',
  'status_changes',
  'activity',
] as const;
export type StoryChildTable = (typeof STORY_CHILD_TABLES)[number];

/** The order rows are exported in (parents before replies for comments). */
export const STORY_ORDER: Record<StoryChildTable, string> = {
  comments: 'created_at, id',
  revisions: 'n',
  story_links: 'to_id, kind',
  status_changes: 'id',
  activity: 'id',
};

/** Autoincrement keys belong to each store: never exported, given anew on import. */
export const LOCAL_KEYS: Partial<Record<StoryChildTable, string>> = { status_changes: 'id', activity: 'id' };

/** The column each child table ties to its story by. */
export const STORY_COLUMN: Record<StoryChildTable, string> = {
  comments: 'story_id',
  revisions: 'story_id',
  story_links: 'from_id',
  status_changes: 'story_id',
  activity: 'story_id',
};

const Row = z.record(z.string().regex(/^[a-z_]+$/), z.unknown());

export const ArchiveHeader = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string(),
  schemaVersion: z.number().int(),
  sections: z.array(
    z.object({ id: z.string().max(64), name: z.string().min(1).max(60), position: z.number().int() }),
  ),
});
export type ArchiveHeader = z.infer<typeof ArchiveHeader>;

export const ArchiveMedia = z.object({
  src: z.string(),
  fileName: z.string().max(255),
  dataBase64: z.string(),
});

export const ArchiveStory = z.object({
  story: Row.and(z.object({ id: StoryId, body_json: z.string() })),
  tags: z.array(z.string()),
  comments: z.array(Row),
  revisions: z.array(Row),
  story_links: z.array(Row),
  status_changes: z.array(Row),
  activity: z.array(Row),
  media: z.array(ArchiveMedia),
});
export type ArchiveStory = z.infer<typeof ArchiveStory>;

/** Row values to JSON: Buffers as `{ $base64 }`. */
export const encodeRow = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      Buffer.isBuffer(value) ? { $base64: value.toString('base64') } : value,
    ]),
  );

/** JSON values back to row values; anything not a SQLite value is refused. */
export function decodeRow(row: Record<string, unknown>): Record<string, string | number | Buffer | null> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (value === null || typeof value === 'string' || typeof value === 'number') return [key, value];
      if (typeof value === 'object' && typeof (value as { $base64?: unknown }).$base64 === 'string')
        return [key, Buffer.from((value as { $base64: string }).$base64, 'base64')];
      throw new Error(`Column ${key} holds a value SQLite cannot store`);
    }),
  );
}
