import type Database from 'better-sqlite3';
import type { StoryStatus, StorySummary } from '../../../shared/domain/story';
import { tagKey } from '../../../shared/domain/tag';
import { toSummary, type SummaryRow as StorySummaryRow } from './storyQueries';

/** Filters already checked and converted for SQL (timestamps in ms). */
export interface SearchFilters {
  trashed: boolean;
  statuses?: StoryStatus[] | undefined;
  sectionId?: string | null | undefined;
  tag?: string | undefined;
  author?: string | undefined;
  updatedFrom?: number | undefined;
  updatedBefore?: number | undefined;
}

export type KeyValue = string | number;

/** A flat sort: rows ordered by `keys` (all in one direction), paged by row-value comparison. */
export type FlatSort = 'updated' | 'headline' | 'author';

/** A search-index row id and its rank (lower is better). */
export interface RankedId {
  searchId: number;
  rank: number;
}

/** The newest matches of a search: how many (up to the window asked for) and the search ids they span. */
export interface MatchSpan {
  count: number;
  top: number;
  floor: number;
}

export interface Snippet {
  headline: string;
  passage: string | null;
}

export interface PageRequest {
  match: string | null;
  filters: SearchFilters;
  limit: number;
}

interface SummaryRow extends StorySummaryRow {
  section_name: string | null;
  search_id: number;
  key0: KeyValue;
  key1: KeyValue;
}

/** One library row before tags and snippets are attached, with the values its cursor needs. */
export interface FoundStory {
  summary: StorySummary & { sectionName: string | null };
  searchId: number;
  keys: KeyValue[];
}

const FLAT_KEYS: Record<FlatSort, [string, string]> = {
  updated: ['s.updated_at', 's.id'],
  headline: ['s.headline COLLATE NOCASE', 's.id'],
  author: ['s.author COLLATE NOCASE', 's.id'],
};

const COLUMNS = `s.id, s.headline, s.standfirst, s.slug, s.status, s.section_id, sec.name AS section_name,
  s.byline, s.author, s.word_count, s.updated_at, s.trashed_at, s.version, ss.search_id`;

function toFound(row: SummaryRow): FoundStory {
  return {
    summary: { ...toSummary(row), sectionName: row.section_name },
    searchId: row.search_id,
    keys: [row.key0, row.key1],
  };
}

function filterSql(filters: SearchFilters, match: string | null) {
  const where: string[] = [];
  const params: Record<string, unknown> = { trashed: filters.trashed ? 1 : 0 };
  if (filters.statuses?.length) {
    where.push('s.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(filters.statuses);
  }
  if (filters.sectionId === null) where.push('s.section_id IS NULL');
  else if (filters.sectionId !== undefined) {
    where.push('s.section_id = @sectionId');
    params.sectionId = filters.sectionId;
  }
  if (filters.tag !== undefined) {
    where.push(
      's.id IN (SELECT st.story_id FROM story_tags st WHERE st.tag_id = (SELECT id FROM tags WHERE name_key = @tag))',
    );
    params.tag = tagKey(filters.tag);
  }
  // After the tests of columns stored before the body: a story they turn down is never read past it.
  where.push('(s.trashed_at IS NOT NULL) = @trashed');
  if (filters.author !== undefined) {
    where.push('s.author = @author COLLATE NOCASE');
    params.author = filters.author;
  }
  if (filters.updatedFrom !== undefined) {
    where.push('s.updated_at >= @updatedFrom');
    params.updatedFrom = filters.updatedFrom;
  }
  if (filters.updatedBefore !== undefined) {
    where.push('s.updated_at < @updatedBefore');
    params.updatedBefore = filters.updatedBefore;
  }
  if (match !== null) {
    params.match = match;
    // The unary + makes this a membership test: as an index lookup per listed id it is 100× slower.
    where.push('+ss.search_id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH @match)');
  }
  return { where, params };
}

/** One group of a grouped sort: stories whose `column` is `value` (for `first_tag`, a tag id; null: none). */
export interface Partition {
  column: 'status' | 'section_id' | 'first_tag';
  value: string | number | null;
}

export type FlatPageRequest = PageRequest & {
  sort: FlatSort;
  direction: 'asc' | 'desc';
  after: KeyValue[] | null;
};

const FROM = 'stories s JOIN story_search_ids ss ON ss.story_id = s.id';

function flatSql(request: FlatPageRequest) {
  const [k0, k1] = FLAT_KEYS[request.sort];
  const { where, params } = filterSql(request.filters, request.match);
  const order = request.direction === 'asc' ? 'ASC' : 'DESC';
  if (request.after) {
    where.push(`(${k0}, ${k1}) ${request.direction === 'asc' ? '>' : '<'} (@after0, @after1)`);
    params.after0 = request.after[0];
    params.after1 = request.after[1];
  }
  const sql = `SELECT ${COLUMNS}, ${k0} AS key0, ${k1} AS key1
    FROM ${FROM} LEFT JOIN sections sec ON sec.id = s.section_id
    WHERE ${where.join(' AND ')} ORDER BY ${k0} ${order}, ${k1} ${order} LIMIT @limit`;
  return { sql, params: { ...params, limit: request.limit } };
}

/** Read-only queries behind the library list: filtered, sorted, keyset-paged, full-text searched. */
export function searchQueries(db: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size > 200) statements.clear();
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  // FTS5 ignores a rowid constraint bound as a REAL, which is how a JS number arrives.
  // One pass over the matches between the page's lowest and highest id, marking only the page's rows: a
  // lookup per id costs a seek in every phrase's doclist (~0.3 ms for a two-word phrase), the pass a few
  // doclist entries each. The unary + keeps the id list from becoming such lookups.
  const snippetsOf = db.prepare<
    { ids: string; match: string; lo: number; hi: number },
    { searchId: number; headline: string; body: string; standfirst: string }
  >(
    `SELECT rowid AS searchId, highlight(stories_fts, 0, char(2), char(3)) AS headline,
       snippet(stories_fts, 2, char(2), char(3), '…', 14) AS body,
       snippet(stories_fts, 1, char(2), char(3), '…', 14) AS standfirst
     FROM stories_fts
     WHERE stories_fts MATCH @match AND rowid BETWEEN CAST(@lo AS INTEGER) AND CAST(@hi AS INTEGER)
       AND +rowid IN (SELECT CAST(value AS INTEGER) FROM json_each(@ids))`,
  );
  const newest = db.prepare<{ match: string; window: number }, MatchSpan>(
    `SELECT count(*) AS count, coalesce(max(rowid), 0) AS top, coalesce(min(rowid), 0) AS floor
     FROM (SELECT rowid FROM stories_fts WHERE stories_fts MATCH @match ORDER BY rowid DESC LIMIT @window)`,
  );
  // Each match of a block scored by the fields the search matches in, with bm25's weights of migrations 0004
  // and 0016 (headline 10, tags 6, standfirst 4), newer first among equals (body-only matches among them).
  // bm25 itself needs the count of every phrase's matches in the whole index: a scan of all 100,000 doclist
  // entries of "the" per search. Each field's test is ANDed with the match, so FTS5 steps through the
  // rarest doclist (a tag filter's) rather than all of "the" in the block.
  const FIELDS = [
    ['headline', 10],
    ['tags', 6],
    ['standfirst', 4],
  ] as const;
  const inBlock = 'rowid BETWEEN CAST(@lo AS INTEGER) AND CAST(@hi AS INTEGER)';
  const scored = [
    `SELECT rowid AS id, 0 AS weight FROM stories_fts WHERE stories_fts MATCH @match AND ${inBlock}`,
    ...FIELDS.map(
      ([field, weight]) =>
        `SELECT rowid, ${weight} FROM stories_fts
         WHERE stories_fts MATCH '{${field}} : (' || @score || ') AND (' || @match || ')' AND ${inBlock}`,
    ),
  ].join(' UNION ALL ');
  const inRange = (order: 'ASC' | 'DESC', resume: string) =>
    db.prepare<
      { match: string; score: string; lo: number; hi: number; rank?: number; id?: number },
      RankedId
    >(
      `SELECT searchId, rank FROM (
         SELECT id AS searchId, -(sum(weight) * 4294967296 + id) AS rank FROM (${scored})
         GROUP BY id HAVING min(weight) = 0)
       ${resume} ORDER BY rank ${order}, searchId ${order}`,
    );
  const ranked = {
    asc: inRange('ASC', ''),
    ascAfter: inRange('ASC', 'WHERE (rank, searchId) > (@rank, @id)'),
    desc: inRange('DESC', ''),
    descAfter: inRange('DESC', 'WHERE (rank, searchId) < (@rank, @id)'),
  };
  const nearest = {
    below: db
      .prepare<{ match: string; id: number }, number>(
        `SELECT rowid FROM stories_fts WHERE stories_fts MATCH @match AND rowid < CAST(@id AS INTEGER)
         ORDER BY rowid DESC LIMIT 1`,
      )
      .pluck(),
    above: db
      .prepare<{ match: string; id: number }, number>(
        `SELECT rowid FROM stories_fts WHERE stories_fts MATCH @match AND rowid > CAST(@id AS INTEGER)
         ORDER BY rowid LIMIT 1`,
      )
      .pluck(),
  };
  const tagName = db.prepare<[string], string>('SELECT name FROM tags WHERE name_key = ?').pluck();
  const tagIdsByName = db.prepare<[], { id: number }>('SELECT id FROM tags ORDER BY name COLLATE NOCASE, id');
  const authors = db.prepare<[], { author: string }>(
    `SELECT DISTINCT author FROM stories INDEXED BY stories_author_recent WHERE author != '' ORDER BY author COLLATE NOCASE`,
  );

  return {
    /** A page in a flat sort, after the row whose sort keys are `after`. */
    flatPage(request: FlatPageRequest): FoundStory[] {
      const { sql, params } = flatSql(request);
      return (prepare(sql).all(params) as SummaryRow[]).map(toFound);
    },

    /** How many of the newest `window` matches there are (by search id), and the ids they span. */
    newestMatches: (match: string, window: number): MatchSpan => newest.get({ match, window })!,

    /**
     * Every match of `search.match` with a search id in [lo, hi], in rank order (best first for `asc`),
     * after `after`, scored by the fields `search.score` matches in: the index ranks them alone, which is far
     * cheaper than joining them to their stories.
     */
    rankedInRange(
      search: { match: string; score: string },
      direction: 'asc' | 'desc',
      range: { lo: number; hi: number },
      after: { rank: number; searchId: number } | null,
    ): RankedId[] {
      if (!after) return ranked[direction].all({ ...search, ...range });
      return ranked[direction === 'asc' ? 'ascAfter' : 'descAfter'].all({
        ...search,
        ...range,
        rank: after.rank,
        id: after.searchId,
      });
    },

    /** The search id of the nearest match below (or above) `searchId`, if there is one. */
    nearestMatch: (match: string, side: 'below' | 'above', searchId: number): number | null =>
      nearest[side].get({ match, id: searchId }) ?? null,

    /** Those of the indexed stories `searchIds` that pass the filters, keyed by search id. */
    filterIndexed(searchIds: number[], filters: SearchFilters): Map<number, FoundStory> {
      const { where, params } = filterSql(filters, null);
      // CROSS JOIN keeps the few given ids as the outer loop instead of scanning every story.
      const sql = `SELECT ${COLUMNS}, 0 AS key0, ss.search_id AS key1
        FROM json_each(@ids) ids CROSS JOIN story_search_ids ss ON ss.search_id = ids.value
        CROSS JOIN stories s ON s.id = ss.story_id LEFT JOIN sections sec ON sec.id = s.section_id
        WHERE ${where.join(' AND ')}`;
      const rows = prepare(sql).all({ ...params, ids: JSON.stringify(searchIds) }) as SummaryRow[];
      return new Map(rows.map((row) => [row.search_id, toFound(row)]));
    },

    /** A page of one partition (a status, a section or a first tag), newest change first. */
    partitionPage(
      request: PageRequest & {
        partition: Partition;
        after: KeyValue[] | null;
      },
    ): FoundStory[] {
      const { where, params } = filterSql(request.filters, request.match);
      const { column, value } = request.partition;
      let from = FROM;
      if (column === 'first_tag') {
        if (value === null) where.push('NOT EXISTS (SELECT 1 FROM story_tags x WHERE x.story_id = s.id)');
        else {
          // CROSS JOIN: start from the tag's few stories rather than walk every story in date order.
          from = `story_tags pt CROSS JOIN stories s ON s.id = pt.story_id JOIN story_search_ids ss ON ss.story_id = s.id`;
          where.push('pt.tag_id = @partition AND pt.position = 0');
          params.partition = value;
        }
      } else if (value === null) where.push(`s.${column} IS NULL`);
      else {
        where.push(`s.${column} = @partition`);
        params.partition = value;
      }
      if (request.after) {
        where.push('(s.updated_at, s.id) < (@after0, @after1)');
        params.after0 = request.after[0];
        params.after1 = request.after[1];
      }
      const sql = `SELECT ${COLUMNS}, s.updated_at AS key0, s.id AS key1
        FROM ${from} LEFT JOIN sections sec ON sec.id = s.section_id
        WHERE ${where.join(' AND ')} ORDER BY s.updated_at DESC, s.id DESC LIMIT @limit`;
      const rows = prepare(sql).all({ ...params, limit: request.limit }) as SummaryRow[];
      return rows.map(toFound);
    },

    /** The stored name of the tag `tag` names, ignoring case; null when there is none. */
    tagName: (tag: string): string | null => tagName.get(tagKey(tag)) ?? null,

    /** Every tag id, tags in alphabetical order: the groups of the tag sort. */
    tagIdsByName: (): number[] => tagIdsByName.all().map((row) => row.id),

    /**
     * For each of `searchIds`, in one query: the headline with its matching words marked
     * (char(2)…char(3)), and the best passage of the body, else the standfirst, that matched (null
     * when only the headline or tags matched).
     */
    snippets(match: string, searchIds: number[]): Map<number, Snippet> {
      if (searchIds.length === 0) return new Map();
      const rows = snippetsOf.all({
        ids: JSON.stringify(searchIds),
        match,
        lo: Math.min(...searchIds),
        hi: Math.max(...searchIds),
      });
      return new Map(
        rows.map((row) => [
          row.searchId,
          {
            headline: row.headline,
            passage: [row.body, row.standfirst].find((text) => text.includes('\u0002')) ?? null,
          },
        ]),
      );
    },

    authors: (): string[] => authors.all().map((row) => row.author),

    /** EXPLAIN QUERY PLAN of a flat page, for checking index use in tests and benches. */
    explainFlat(request: FlatPageRequest): string[] {
      const { sql, params } = flatSql(request);
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
        (row) => row.detail,
      );
    },
  };
}

export type SearchQueries = ReturnType<typeof searchQueries>;
