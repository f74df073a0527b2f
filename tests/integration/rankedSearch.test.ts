import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../main/core/createCore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANK_WINDOW } from '../../main/services/library/rankedSearch';
import type { LibraryPage, LibraryQueryInput } from '../../shared/ipc/contract';
import { generateArchive } from '../support/archive';
import { testCore } from '../support/testCore';

// More stories than one ranking window, so "the" (in every story) spans two blocks.
const STORIES = RANK_WINDOW + 500;

let core: ReturnType<typeof testCore>;
let db: Database.Database;
beforeAll(() => {
  core = testCore();
  db = new Database(join(core.dir, DATABASE_FILE));
  db.pragma('foreign_keys = ON');
  generateArchive(db, { count: STORIES, seed: 11 });
}, 120_000);
afterAll(() => {
  db.close();
  core.dispose();
});

const query = (input: LibraryQueryInput) => core.call<LibraryPage>('library:query', input);

async function everyPage(input: LibraryQueryInput): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await query({ ...input, limit: 200, ...(cursor ? { cursor } : {}) });
    ids.push(...page.items.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Story ids in the order they were added to the search index, newest first. */
const newestAdded = (count: number): string[] =>
  db
    .prepare<[number], string>('SELECT story_id FROM story_search_ids ORDER BY search_id DESC LIMIT ?')
    .pluck()
    .all(count);

describe('a word in more stories than the ranking window', () => {
  it('ranks the newest window of matches first, then the older ones, each match once', async () => {
    const ranked = await everyPage({ search: 'the ' });
    expect(new Set(ranked).size).toBe(STORIES);
    expect(ranked).toHaveLength(STORIES);
    expect(new Set(ranked.slice(0, RANK_WINDOW))).toEqual(new Set(newestAdded(RANK_WINDOW)));
  });

  it('orders the newest window by the fields that match, weighted (headline, tags, standfirst), newest first among equals', async () => {
    const window = db
      .prepare<
        [number],
        { id: string; searchId: number; headline: string; standfirst: string; tags: string }
      >(
        `SELECT s.id, ss.search_id AS searchId, s.headline, s.standfirst,
           coalesce((SELECT group_concat(t.name, ' ') FROM story_tags st JOIN tags t ON t.id = st.tag_id
                     WHERE st.story_id = s.id), '') AS tags
         FROM story_search_ids ss JOIN stories s ON s.id = ss.story_id ORDER BY ss.search_id DESC LIMIT ?`,
      )
      .all(RANK_WINDOW);
    const has = (text: string) => (/\bthe\b/iu.test(text) ? 1 : 0);
    const score = (story: (typeof window)[number]) =>
      10 * has(story.headline) + 6 * has(story.tags) + 4 * has(story.standfirst);
    const best = [...window]
      .sort((a, b) => score(b) - score(a) || b.searchId - a.searchId)
      .slice(0, 20)
      .map((story) => story.id);
    expect(new Set(window.map(score)).size).toBeGreaterThan(1);
    const page = await query({ search: 'the ', limit: 20 });
    expect(page.items.map((row) => row.id)).toEqual(best);
  });

  it('gives the exact reverse order when reversed', async () => {
    const ranked = await everyPage({ search: 'the ' });
    expect(await everyPage({ search: 'the ', direction: 'desc' })).toEqual(ranked.reverse());
  });

  it('applies filters across the blocks, from a one-letter prefix too', async () => {
    const tagged = db
      .prepare<[], string>(
        "SELECT story_id FROM story_tags WHERE tag_id = (SELECT id FROM tags WHERE name = 'Economy')",
      )
      .pluck()
      .all();
    expect(tagged.length).toBeGreaterThan(0);
    for (const search of ['the ', 't']) {
      expect((await everyPage({ search, filters: { tag: 'Economy' } })).sort()).toEqual([...tagged].sort());
    }
  });

  it('applies a filter that keeps few stories, paging in rank order both ways', async () => {
    const kept = db
      .prepare<[], string>("SELECT id FROM stories WHERE section_id = 'business' AND status = 'published'")
      .pluck()
      .all();
    expect(kept.length).toBeGreaterThan(0);
    const filters = { sectionId: 'business', status: ['published' as const] };
    const ranked = await everyPage({ search: 'the ', filters });
    expect([...ranked].sort()).toEqual([...kept].sort());
    expect(await everyPage({ search: 'the ', filters, direction: 'desc' })).toEqual([...ranked].reverse());
    // The same order as ranking without the filter, keeping only the stories it lets through.
    const unfiltered = await everyPage({ search: 'the ' });
    expect(ranked).toEqual(unfiltered.filter((id) => kept.includes(id)));
  });

  it('marks the words of every row of a page, each row its own', async () => {
    const page = await query({ search: 'typh', limit: 20 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const row of page.items) {
      const marked = [...(row.headlineMarks ?? []), ...(row.snippet ?? [])].filter(
        (segment) => segment.match,
      );
      expect(marked.map((segment) => segment.text.toLowerCase())).toContain('typhoon');
      const story = db
        .prepare<[string], { standfirst: string; body: string }>(
          'SELECT standfirst, body_text AS body FROM stories WHERE id = ?',
        )
        .get(row.id)!;
      const passage = (row.snippet ?? []).map((segment) => segment.text).join('');
      const text = `${story.body}\n${story.standfirst}`.replace(/\s+/gu, ' ');
      expect(text).toContain(passage.replace(/^…|…$/gu, '').replace(/\s+/gu, ' '));
    }
  });

  it('refuses a cursor that would split the index into tiny blocks', async () => {
    const cursor = Buffer.from(JSON.stringify(['relevance', 'asc', [-1, 5, 1_000_000, 1], 0])).toString(
      'base64url',
    );
    expect(await core.dispatch('library:query', { search: 'the ', cursor })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
