import type Database from 'better-sqlite3';
import type { Story, StoryBody, StoryStatus, StorySummary } from '../../../shared/domain/story';

interface StoryRow {
  id: string;
  slug: string;
  slug_edited: number;
  headline: string;
  standfirst: string;
  byline: string;
  dateline: string;
  credit: string;
  section_id: string | null;
  status: StoryStatus;
  body_json: string;
  word_count: number;
  featured_image: string | null;
  embargo_until: number | null;
  author: string;
  created_at: number;
  updated_at: number;
  trashed_at: number | null;
  version: number;
}

/** The columns of a story a list row shows. */
export type SummaryRow = Omit<
  StoryRow,
  'body_json' | 'slug_edited' | 'dateline' | 'credit' | 'featured_image' | 'created_at'
>;

/** A story as stored, with the derived columns the core computes on every save. */
export interface StoryRecord extends Omit<Story, 'createdAt' | 'updatedAt' | 'trashedAt'> {
  bodyText: string;
  createdAt: number;
  updatedAt: number;
  trashedAt: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** A story row (or any row with its summary columns) as a list row shows it. */
export function toSummary(row: SummaryRow): StorySummary {
  return {
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    slug: row.slug,
    status: row.status,
    sectionId: row.section_id,
    byline: row.byline,
    author: row.author,
    wordCount: row.word_count,
    updatedAt: iso(row.updated_at),
    trashedAt: isoOrNull(row.trashed_at),
    version: row.version,
  };
}

/** A story without its body. */
export type StoryHead = Omit<Story, 'body'>;

function toHead(row: Omit<StoryRow, 'body_json'>): StoryHead {
  return {
    ...toSummary(row),
    slugEdited: row.slug_edited === 1,
    dateline: row.dateline,
    credit: row.credit,
    featuredImage: row.featured_image,
    embargoUntil: isoOrNull(row.embargo_until),
    createdAt: iso(row.created_at),
  };
}

const toStory = (row: Omit<StoryRow, 'body_json'>, body: StoryBody): Story => ({ ...toHead(row), body });

function toParams(story: StoryRecord) {
  return { ...rowOf(story), body_json: JSON.stringify(story.body) };
}

function rowOf(story: StoryRecord) {
  return {
    id: story.id,
    slug: story.slug,
    slug_edited: story.slugEdited ? 1 : 0,
    headline: story.headline,
    standfirst: story.standfirst,
    byline: story.byline,
    dateline: story.dateline,
    credit: story.credit,
    section_id: story.sectionId,
    status: story.status,
    body_text: story.bodyText,
    word_count: story.wordCount,
    featured_image: story.featuredImage,
    embargo_until: story.embargoUntil === null ? null : Date.parse(story.embargoUntil),
    author: story.author,
    created_at: story.createdAt,
    updated_at: story.updatedAt,
    trashed_at: story.trashedAt,
    version: story.version,
  };
}

/** The columns a write may leave as they were: all but the key, the creation time and the body's. */
const HEAD_COLUMNS = [
  'slug',
  'slug_edited',
  'headline',
  'standfirst',
  'byline',
  'dateline',
  'credit',
  'section_id',
  'status',
  'featured_image',
  'embargo_until',
  'author',
  'trashed_at',
] as const;
const BODY_COLUMNS = ['body_json', 'body_text', 'word_count'] as const;
type HeadColumn = (typeof HEAD_COLUMNS)[number];
/** How many UPDATE statements (sets of columns) a connection prepares before setting every column. */
export const MAX_UPDATE_STATEMENTS = 32;

/** The stored story `story` was read as, in the shape of a write's record (the body's derived columns aside). */
function recordOf(story: Story): StoryRecord {
  return {
    ...story,
    bodyText: '',
    createdAt: Date.parse(story.createdAt),
    updatedAt: Date.parse(story.updatedAt),
    trashedAt: story.trashedAt === null ? null : Date.parse(story.trashedAt),
  };
}

/** Prepared statements over `stories`; snake_case rows become camelCase stories here and nowhere else. */
export function storyQueries(db: Database.Database) {
  const columns = Object.keys(toParams({} as StoryRecord));
  const insert = db.prepare(
    `INSERT INTO stories (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  // One statement per set of columns a write changes (a status move, a headline edit…), prepared once;
  // past a few dozen sets, a rare combination sets every column instead of adding a statement.
  const updates = new Map<string, Database.Statement>();
  const updateOf = (set: readonly string[]): Database.Statement => {
    const key = set.join(',');
    let statement = updates.get(key);
    if (!statement) {
      statement = db.prepare(
        `UPDATE stories SET ${set.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND version = @expected_version`,
      );
      updates.set(key, statement);
    }
    return statement;
  };
  const columnsToSet = (changed: readonly HeadColumn[], bodyChanged: boolean): readonly string[] => {
    const set = [...changed, 'updated_at', 'version', ...(bodyChanged ? BODY_COLUMNS : [])];
    if (changed === HEAD_COLUMNS || updates.has(set.join(',')) || updates.size < MAX_UPDATE_STATEMENTS)
      return set;
    return columnsToSet(HEAD_COLUMNS, bodyChanged);
  };
  const byId = db.prepare<[string], StoryRow>('SELECT * FROM stories WHERE id = ?');
  const headById = db.prepare<[string], Omit<StoryRow, 'body_json'>>(
    `SELECT ${columns.filter((c) => !['body_json', 'body_text'].includes(c)).join(', ')} FROM stories WHERE id = ?`,
  );

  return {
    insert(story: StoryRecord): void {
      insert.run(toParams(story));
    },
    /**
     * Writes `story` only if the stored row is still at `expectedVersion`; returns whether it did. Only
     * the columns that differ from `before` (the story as read at that version) are set, with the time and
     * version; the (possibly large) body columns only with `bodyChanged`.
     */
    update(story: StoryRecord, expectedVersion: number, before: Story, bodyChanged: boolean): boolean {
      const row = rowOf(story);
      const was = rowOf(recordOf(before));
      const set = columnsToSet(
        HEAD_COLUMNS.filter((c) => row[c] !== was[c]),
        bodyChanged,
      );
      const params: Record<string, unknown> = {
        ...row,
        ...(bodyChanged ? { body_json: JSON.stringify(story.body) } : {}),
        expected_version: expectedVersion,
      };
      return updateOf(set).run(params).changes === 1;
    },
    get(id: string): Story | null {
      const row = byId.get(id);
      return row ? toStory(row, JSON.parse(row.body_json) as StoryBody) : null;
    },
    /** The story without its body, which is not read. */
    head(id: string): StoryHead | null {
      const row = headById.get(id);
      return row ? toHead(row) : null;
    },
    /** The story with `body` in place of its stored body, which is not read: for a write that replaces it. */
    getWithBody(id: string, body: StoryBody): Story | null {
      const row = headById.get(id);
      return row ? toStory(row, body) : null;
    },
    /** The story `get` reads back once `record` is written, without reading it. */
    asStored(record: StoryRecord): Story {
      return toStory(rowOf(record), record.body);
    },
  };
}

export type StoryQueries = ReturnType<typeof storyQueries>;
