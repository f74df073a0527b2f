import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE, type Core } from '../../main/core/createCore';
import { migrations } from '../../main/db/migrations';
import { openDatabase } from '../../main/db/openDatabase';
import { parseSearch, toFtsQuery } from '../../shared/domain/search';
import type { Story } from '../../shared/domain/story';
import type { LibraryPage, LibraryRow } from '../../shared/ipc/contract';
import { generateArchive } from '../support/archive';
import { caller, paragraphs } from '../support/libraryCalls';
import { tempDir } from '../support/tempDir';
import { testCore } from '../support/testCore';

let core: ReturnType<typeof testCore>;
let call: ReturnType<typeof caller>;
beforeEach(() => {
  core = testCore();
  call = caller(core);
});
afterEach(() => core.dispose());

const query = (input: Record<string, unknown> = {}) => call<LibraryPage>('library:query', input);
const headlines = (page: LibraryPage) => page.items.map((row) => row.headline);
const marks = (segments: LibraryRow['snippet']) =>
  (segments ?? []).map((segment) => (segment.match ? `[${segment.text}]` : segment.text)).join('');
const marked = (row: LibraryRow) => marks(row.snippet);

async function create(fields: Record<string, unknown>): Promise<Story> {
  core.tick(1000);
  return call<Story>('stories:create', fields);
}

describe('full-text search', () => {
  it('ranks a headline match above a body-only match and highlights the words in a snippet', async () => {
    await create({
      headline: 'Council meets on Tuesday',
      body: paragraphs('The agenda includes the harbour bridge repairs and a new bus depot.'),
    });
    await create({ headline: 'Harbour bridge reopens', body: paragraphs('Traffic flows again.') });
    await create({ headline: 'Weather', body: paragraphs('Sunny.') });

    const page = await query({ search: 'harbour bridge' });
    expect(page.sort).toBe('relevance');
    expect(headlines(page)).toEqual(['Harbour bridge reopens', 'Council meets on Tuesday']);
    expect(marked(page.items[1]!)).toContain('[harbour] [bridge]');
  });

  it('ranks by the fields every searched word is in (headline, tags, standfirst), newer first among equals', async () => {
    await create({ headline: 'Ferry timetable', body: paragraphs('The ferry to Zanzibar sails at dawn') });
    await create({ headline: 'Ferry to Zanzibar', body: paragraphs('Crossings resume') });
    await create({ headline: 'Harbour news', standfirst: 'A ferry for Zanzibar', body: paragraphs('Quiet') });
    await create({ headline: 'Island notes', body: paragraphs('A ferry reached Zanzibar') });
    await create({ headline: 'Zanzibar', body: paragraphs('One more ferry') });
    expect(headlines(await query({ search: 'ferry zanzibar ' }))).toEqual([
      'Ferry to Zanzibar',
      'Harbour news',
      'Zanzibar',
      'Island notes',
      'Ferry timetable',
    ]);
  });

  it('marks the headline, and shows the body passage or else the standfirst that matched', async () => {
    await create({
      headline: 'Rates',
      standfirst: 'The central bank held rates.',
      body: paragraphs('Nothing here.'),
    });
    const [row] = (await query({ search: 'central' })).items;
    expect([marks(row!.headlineMarks), marked(row!)]).toEqual(['Rates', 'The [central] bank held rates.']);
  });

  it('gives each row the snippet of its own story', async () => {
    await create({ headline: 'Harbour bridge reopens', body: paragraphs('Traffic flows.') });
    await create({
      headline: 'Council agenda',
      body: paragraphs('The harbour authority presents its plan.'),
    });
    const page = await query({ search: 'harb' });
    expect(page.items.map((row) => [marks(row.headlineMarks), marked(row)])).toEqual([
      ['[Harbour] bridge reopens', ''],
      ['Council agenda', 'The [harbour] authority presents its plan.'],
    ]);
  });

  it('matches the word being typed as a prefix, and stops once a space follows it', async () => {
    await create({ headline: 'Reopening of the harbour bridge' });
    expect(headlines(await query({ search: 'harb' }))).toEqual(['Reopening of the harbour bridge']);
    expect(headlines(await query({ search: 'h' }))).toEqual(['Reopening of the harbour bridge']);
    expect(headlines(await query({ search: 'reopen' }))).toEqual(['Reopening of the harbour bridge']);
    expect(headlines(await query({ search: 'reopen ' }))).toEqual([]);
  });

  it('finds "exact phrases" only in that order', async () => {
    await create({ headline: 'A', standfirst: 'the central bank held rates' });
    await create({ headline: 'B', standfirst: 'the bank in the central square' });
    expect(headlines(await query({ search: '"central bank"' }))).toEqual(['A']);
    expect(headlines(await query({ search: 'central bank' })).sort()).toEqual(['A', 'B']);
  });

  it('excludes -words and NOT words, and reads OR between words', async () => {
    await create({ headline: 'Rates rise in Seoul' });
    await create({ headline: 'Rates fall in Busan' });
    await create({ headline: 'Snow in Seoul' });
    expect(headlines(await query({ search: 'rates -busan' }))).toEqual(['Rates rise in Seoul']);
    expect(headlines(await query({ search: 'rates NOT seoul' }))).toEqual(['Rates fall in Busan']);
    expect(headlines(await query({ search: 'snow OR busan' })).sort()).toEqual([
      'Rates fall in Busan',
      'Snow in Seoul',
    ]);
  });

  it('searches tags and follows a tag rename', async () => {
    const story = await create({ headline: 'Budget day' });
    await call('stories:setTags', { id: story.id, tags: ['Economy'] });
    expect(headlines(await query({ search: 'economy' }))).toEqual(['Budget day']);
    const [tag] = await call<{ id: number }[]>('tags:list', {});
    await call('tags:rename', { id: tag!.id, name: 'Finance' });
    expect(headlines(await query({ search: 'economy' }))).toEqual([]);
    expect(headlines(await query({ search: 'finance' }))).toEqual(['Budget day']);
  });

  it('with a tag filter, keeps exactly the stories that carry the tag, however it is spelled', async () => {
    const tag = async (headline: string, tags: string[]) => {
      const story = await create({ headline });
      await call('stories:setTags', { id: story.id, tags });
    };
    await tag('Talks resume', ['North Korea']);
    await tag('Talks stall', ['Korea']);
    await tag('Talks end', ['Ｅｃｏｎｏｍｙ']);
    await create({ headline: 'Talks on tags' });
    const found = async (tagFilter: string) =>
      headlines(await query({ search: 'talks ', filters: { tag: tagFilter } })).sort();
    expect(await found('korea')).toEqual(['Talks stall']);
    expect(await found('North korea')).toEqual(['Talks resume']);
    expect(await found('economy')).toEqual(['Talks end']);
    expect(await found('Weather')).toEqual([]);
  });

  it('keeps the index current on save and ignores accents and case', async () => {
    const story = await create({ headline: 'Old title' });
    await call('stories:save', {
      id: story.id,
      expectedVersion: story.version,
      changes: { headline: 'Café opens', body: paragraphs('Espresso for everyone') },
    });
    expect(headlines(await query({ search: 'old' }))).toEqual([]);
    expect(headlines(await query({ search: 'CAFE' }))).toEqual(['Café opens']);
    expect(headlines(await query({ search: 'espresso' }))).toEqual(['Café opens']);
  });

  it('never lets story text become markup: snippets are plain segments', async () => {
    await create({ headline: 'X', body: paragraphs('<img src=x onerror=alert(1)> harbour') });
    const [row] = (await query({ search: 'harbour' })).items;
    expect(row!.snippet).toEqual([
      { text: '<img src=x onerror=alert(1)> ', match: false },
      { text: 'harbour', match: true },
    ]);
  });
});

const HOSTILE = [
  '"',
  '""',
  '"unbalanced harbour',
  'harbour"',
  '(',
  ')',
  '((harbour)',
  'AND',
  'OR',
  'NOT',
  'harbour AND',
  'AND harbour',
  'harbour OR',
  'NOT harbour',
  'harbour NOT',
  '*',
  '**',
  'harb*',
  '*harb',
  '-',
  '--',
  '-harbour',
  'harbour -',
  'headline:harbour',
  ':',
  'col:',
  '^harbour',
  'NEAR(harbour bridge)',
  'harbour + bridge',
  '{harbour}',
  '[bridge]',
  "'; DROP TABLE stories; --",
  '\\',
  '\u0000',
  'harb\u0000our',
  '"harbour\u0000',
  '\u0002harbour\u0003',
  '😀',
  'ḧárbóúr',
  '   ',
  'a'.repeat(500),
  '" OR "',
  'harbour\tbridge\n',
];

describe('query parsing', () => {
  it.each([
    ['harb', '("harb"*)'],
    ['harbour ', '("harbour")'],
    ['"central bank" rates', '("central bank" AND "rates"*)'],
    ['"unbalanced quote', '("unbalanced quote")'],
    ['rates -busan', '("rates" NOT "busan")'],
    ['snow OR busan ', '("snow") OR ("busan")'],
    ['a"b) OR NEAR(c', '("a" AND "b) OR NEAR(c")'],
    ['x OR NEAR(c', '("x") OR ("NEAR(c"*)'],
    ['AND OR NOT * - ()', ''],
    ['-only', ''],
    ['say ""hi""', '("say" AND "hi")'],
    ['h', '("h"*)'],
    ['harbour b', '("harbour" AND "b"*)'],
    ['harbour b ', '("harbour" AND "b")'],
    ['har\u0000bour', '("har" AND "bour"*)'],
  ])('%j becomes the FTS5 expression %j', (input, expected) => {
    expect(toFtsQuery(parseSearch(input))).toBe(expected);
  });
});

describe('ranked search paging', () => {
  it('pages through the best matches in rank order, applying filters, without repeats', async () => {
    for (let i = 0; i < 30; i++) {
      await create({
        headline: i % 3 === 0 ? `Harbour news ${i}` : `Other news ${i}`,
        body: paragraphs('harbour '.repeat(1 + (i % 5)) + 'filler text'),
        sectionId: i % 2 === 0 ? 'world' : 'sport',
      });
    }
    const all = await query({ search: 'harbour', limit: 200, filters: { sectionId: 'world' } });
    expect(all.items).toHaveLength(15);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: LibraryPage = await query({
        search: 'harbour',
        limit: 4,
        filters: { sectionId: 'world' },
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((row) => row.id));
    expect(all.items[0]!.headline).toMatch(/^Harbour news/);
  });
});

describe('hostile query strings', () => {
  it.each(HOSTILE)('%j returns a page, never an error', async (search) => {
    await create({
      headline: 'Harbour bridge reopens',
      body: paragraphs('Traffic (finally) flows "again".'),
    });
    const result = await core.dispatch('library:query', { search });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(Array.isArray((result.value as LibraryPage).items)).toBe(true);
  });

  it('still finds the story for the quoted and bracketed variants that contain a word', async () => {
    await create({ headline: 'Harbour bridge reopens' });
    for (const search of [
      '"unbalanced',
      '((harbour)',
      'harbour AND',
      'NOT x harbour',
      'ḧárbóúr',
      '[bridge]',
    ]) {
      const page = await query({ search });
      if (search === '"unbalanced' || search === 'NOT x harbour') continue;
      expect(headlines(page), search).toEqual(['Harbour bridge reopens']);
    }
  });
});

describe('filters and sorts', () => {
  beforeEach(async () => {
    const sections = ['world', 'business', null];
    for (let i = 0; i < 9; i++) {
      const story = await create({
        headline: `Story ${String.fromCharCode(73 - i)}`,
        sectionId: sections[i % 3],
      });
      if (i % 2 === 0) await call('stories:setTags', { id: story.id, tags: ['Even'] });
    }
  });

  it('sorts by last change (newest first by default), headline, and section in desk order', async () => {
    expect(headlines(await query())).toEqual([
      'Story A',
      'Story B',
      'Story C',
      'Story D',
      'Story E',
      'Story F',
      'Story G',
      'Story H',
      'Story I',
    ]);
    expect(headlines(await query({ sort: 'headline' }))[0]).toBe('Story A');
    expect(headlines(await query({ sort: 'headline', direction: 'desc' }))[0]).toBe('Story I');
    const bySection = (await query({ sort: 'section' })).items.map((row) => row.sectionName);
    expect(bySection).toEqual([
      'World',
      'World',
      'World',
      'Business',
      'Business',
      'Business',
      null,
      null,
      null,
    ]);
  });

  it('sorts by first tag, tags alphabetically and untagged last, paging across the groups', async () => {
    const ids = new Map((await query()).items.map((row) => [row.headline, row.id]));
    const tag = (headline: string, tags: string[]) =>
      call('stories:setTags', { id: ids.get(headline), tags });
    await tag('Story B', ['budget']);
    await tag('Story C', ['Zoning', 'Budget']);
    await tag('Story D', ['Zoning']);
    const firstTags = (page: LibraryPage) => page.items.map((row) => `${row.headline}:${row.tags[0] ?? '-'}`);

    // Even: A, E, G, I (I is oldest); budget: B; Zoning: C (also tagged Budget), D; untagged: F, H.
    const all = await query({ sort: 'tag' });
    expect(firstTags(all)).toEqual([
      'Story B:budget',
      'Story A:Even',
      'Story E:Even',
      'Story G:Even',
      'Story I:Even',
      'Story C:Zoning',
      'Story D:Zoning',
      'Story F:-',
      'Story H:-',
    ]);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page: LibraryPage = await query({ sort: 'tag', limit: 2, ...(cursor ? { cursor } : {}) });
      paged.push(...firstTags(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(firstTags(all));
    expect(firstTags(await query({ sort: 'tag', direction: 'desc' }))[0]).toBe('Story F:-');
    expect(firstTags(await query({ sort: 'tag', filters: { sectionId: 'world' } }))).toEqual([
      'Story I:Even',
      'Story C:Zoning',
      'Story F:-',
    ]);
  });

  it('filters by section, no section, tag, status and date range', async () => {
    expect(headlines(await query({ filters: { sectionId: 'world' } }))).toEqual([
      'Story C',
      'Story F',
      'Story I',
    ]);
    expect(headlines(await query({ filters: { sectionId: null } }))).toEqual([
      'Story A',
      'Story D',
      'Story G',
    ]);
    expect(headlines(await query({ filters: { tag: ' even ' } }))).toEqual([
      'Story A',
      'Story C',
      'Story E',
      'Story G',
      'Story I',
    ]);
    expect((await query({ filters: { status: ['published'] } })).items).toEqual([]);
    expect((await query({ filters: { status: ['draft'] } })).items).toHaveLength(9);
    expect((await query({ filters: { updatedFrom: '2026-03-02' } })).items).toEqual([]);
    expect(
      (await query({ filters: { updatedFrom: '2026-03-01', updatedTo: '2026-03-01' } })).items,
    ).toHaveLength(9);
    expect((await query({ filters: { updatedTo: '2026-02-28' } })).items).toEqual([]);
    // 09:00 UTC on 1 March is still 28 February in Honolulu (UTC−10): days are the user's own.
    const honolulu = { utcOffsetMinutes: -600 };
    expect((await query({ filters: { updatedTo: '2026-02-28', ...honolulu } })).items).toHaveLength(9);
    expect((await query({ filters: { updatedFrom: '2026-03-01', ...honolulu } })).items).toEqual([]);
  });

  it('shows tags and section names on each row', async () => {
    const [row] = (await query({ filters: { sectionId: 'world' } })).items;
    expect(row).toMatchObject({ headline: 'Story C', sectionName: 'World', tags: ['Even'], snippet: null });
  });

  it('pages without repeats or gaps in every sort, even while stories change between pages', async () => {
    for (const sort of ['updated', 'headline', 'author', 'status', 'section'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page: LibraryPage = await query({ sort, direction, limit: 2, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((row) => row.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(new Set(seen).size, `${sort} ${direction}`).toBe(9);
      }
    }
    const first = await query({ sort: 'headline', limit: 3 });
    await create({ headline: 'Story AA' });
    const second = await query({ sort: 'headline', limit: 3, cursor: first.nextCursor });
    expect(headlines(first)).toEqual(['Story A', 'Story B', 'Story C']);
    expect(headlines(second)).toEqual(['Story D', 'Story E', 'Story F']);
  });

  it('refuses a cursor from another sort', async () => {
    const page = await query({ limit: 2 });
    const result = await core.dispatch('library:query', { sort: 'headline', cursor: page.nextCursor });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps trash apart', async () => {
    const [row] = (await query()).items;
    await call('stories:trash', { id: row!.id });
    expect((await query()).items).toHaveLength(8);
    expect(headlines(await query({ filters: { trashed: true } }))).toEqual([row!.headline]);
  });
});

describe('sections', () => {
  it('creates, renames and orders sections; stories keep their section through a rename', async () => {
    const created = await call<{ id: string; name: string; position: number }>('sections:create', {
      name: '  Local news ',
    });
    expect(created).toEqual({ id: 'local-news', name: 'Local news', position: 8 });
    const story = await create({ headline: 'Fair', sectionId: created.id });
    await call('sections:rename', { id: created.id, name: 'City' });
    expect((await query()).items.find((row) => row.id === story.id)?.sectionName).toBe('City');

    const ids = (await call<{ id: string }[]>('sections:list', {})).map((section) => section.id).reverse();
    const reordered = await call<{ id: string }[]>('sections:reorder', { ids });
    expect(reordered.map((section) => section.id)).toEqual(ids);
  });

  it('refuses duplicate names ignoring case, empty names and an incomplete order', async () => {
    expect(await core.dispatch('sections:create', { name: 'world' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await core.dispatch('sections:create', { name: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await core.dispatch('sections:rename', { id: 'world', name: 'BUSINESS' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await core.dispatch('sections:reorder', { ids: ['world', 'business'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

/** A store migrated up to `upto` (filled by `fill`), then opened by a core at the newest schema. */
async function upgraded(
  upto: number,
  fill: (db: Database.Database) => void,
  check: (call: ReturnType<typeof caller>, core: Core) => Promise<void>,
) {
  const dir = tempDir();
  try {
    const { db } = openDatabase(join(dir.path, DATABASE_FILE), { migrations: migrations.slice(0, upto) });
    fill(db);
    db.close();
    const core = createCore({ dataDir: dir.path, appVersion: 'test', host: 'test', log: () => undefined });
    try {
      await check(caller(core), core);
    } finally {
      core.close();
    }
  } finally {
    dir.remove();
  }
}

describe('migration 0004', () => {
  it('indexes the stories that were in the store before it', async () => {
    await upgraded(
      3,
      (db) =>
        db
          .prepare(
            `INSERT INTO stories (id, headline, body_json, body_text, created_at, updated_at)
             VALUES ('01ARZ3NDEKTSV4RRFFQ69G5FAV', 'Old harbour story', '{"type":"doc"}', 'from before search', 1, 1)`,
          )
          .run(),
      async (call) => {
        const page = await call<LibraryPage>('library:query', { search: 'before search' });
        expect(headlines(page)).toEqual(['Old harbour story']);
      },
    );
  });
});

describe('migration 0017 (search prefix index)', () => {
  it('rebuilds the index of an existing store with a one-letter prefix index; search still answers', async () => {
    await upgraded(
      15,
      (db) => generateArchive(db, { count: 30, seed: 5 }),
      async (call, core) => {
        const found = async (search: string, filters = {}) =>
          (await call<LibraryPage>('library:query', { search, filters, limit: 200 })).items.length;
        const sql = core.database
          .prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'stories_fts'")
          .pluck()
          .get();
        expect(sql).toContain("prefix = '1 2 3'");
        expect(await found('the ')).toBe(30);
        expect(await found('t')).toBe(30);
        const [tag] = await call<{ name: string; id: number }[]>('tags:list', {});
        const tagged = core.database
          .prepare('SELECT count(*) FROM story_tags WHERE tag_id = ?')
          .pluck()
          .get(tag!.id) as number;
        expect(tagged).toBeGreaterThan(0);
        // Tags are words of the index too: a search for the tag's name finds at least its stories.
        expect(await found(`"${tag!.name}"`)).toBeGreaterThanOrEqual(tagged);
        expect(await found('the ', { tag: tag!.name })).toBe(tagged);
        await call('stories:create', { headline: 'Zeppelin lands' });
        expect(await found('zeppelin ')).toBe(1);
        expect(await found('z')).toBe(1);
      },
    );
  });
});
