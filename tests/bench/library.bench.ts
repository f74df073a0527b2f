import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { DATABASE_FILE } from '../../main/core/createCore';
import { searchQueries } from '../../main/db/queries/searchQueries';
import { parseSearch, toFtsQuery } from '../../shared/domain/search';
import { generateArchive } from '../support/archive';
import { testCore } from '../support/testCore';

const ARCHIVE = Number(process.env.COPYDESK_BENCH_ARCHIVE ?? 100_000);

let core: ReturnType<typeof testCore>;
let secondPage: string;

async function query(input: Record<string, unknown>) {
  const result = await core.dispatch('library:query', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as { items: unknown[]; nextCursor: string | null };
}

beforeAll(async () => {
  core = testCore();
  const db = new Database(join(core.dir, DATABASE_FILE));
  db.pragma('foreign_keys = ON');
  const started = performance.now();
  generateArchive(db, { count: ARCHIVE, seed: 7 });
  const generated = performance.now() - started;
  const plans = searchQueries(db);
  const filters = { trashed: false };
  const plan = (label: string, request: Parameters<typeof plans.explainFlat>[0]) =>
    console.log(`plan ${label}: ${plans.explainFlat(request).join(' | ')}`);
  plan('first page', { match: null, filters, limit: 51, sort: 'updated', direction: 'desc', after: null });
  plan('by headline', {
    match: null,
    filters,
    limit: 51,
    sort: 'headline',
    direction: 'asc',
    after: ['m', 'x'],
  });
  plan('status filter', {
    match: null,
    filters: { trashed: false, statuses: ['published'] },
    limit: 51,
    sort: 'updated',
    direction: 'desc',
    after: null,
  });
  plan('tag filter', {
    match: null,
    filters: { trashed: false, tag: 'Economy' },
    limit: 51,
    sort: 'updated',
    direction: 'desc',
    after: null,
  });
  plan('search, by last change', {
    match: toFtsQuery(parseSearch('harbour bri')),
    filters,
    limit: 51,
    sort: 'updated',
    direction: 'desc',
    after: null,
  });
  db.close();
  secondPage = (await query({ limit: 50 })).nextCursor!;
  console.log(
    `archive: ${ARCHIVE} stories generated in ${Math.round(generated)} ms; database ${Math.round(
      statSync(join(core.dir, DATABASE_FILE)).size / 1e6,
    )} MB`,
  );
}, 600_000);
afterAll(() => core.dispose());

describe(`library:query on ${ARCHIVE} stories`, () => {
  bench('first page, newest first', async () => {
    await query({ limit: 50 });
  });
  bench('second page (keyset cursor)', async () => {
    await query({ limit: 50, cursor: secondPage });
  });
  bench('first page sorted by headline', async () => {
    await query({ limit: 50, sort: 'headline' });
  });
  bench('first page sorted by section', async () => {
    await query({ limit: 50, sort: 'section' });
  });
  bench('first page sorted by tag', async () => {
    await query({ limit: 50, sort: 'tag' });
  });
  bench('first page sorted by tag, descending (untagged first)', async () => {
    await query({ limit: 50, sort: 'tag', direction: 'desc' });
  });
  bench('filtered: published, in Business, tagged Economy', async () => {
    await query({ limit: 50, filters: { status: ['published'], sectionId: 'business', tag: 'Economy' } });
  });
  bench('filtered: last 30 days', async () => {
    await query({ limit: 50, filters: { updatedFrom: '2026-02-01' } });
  });
  bench('search as typed, first two letters: "t", "th"', async () => {
    await query({ limit: 50, search: 't' });
    await query({ limit: 50, search: 'th' });
  });
  bench('search prefix as typed: "harb"', async () => {
    await query({ limit: 50, search: 'harb' });
  });
  bench('search prefix, two words: "bridge rep"', async () => {
    await query({ limit: 50, search: 'bridge rep' });
  });
  bench('search phrase: "interest rates"', async () => {
    await query({ limit: 50, search: '"interest rates"' });
  });
  bench('search a very common word: "the"', async () => {
    await query({ limit: 50, search: 'the ' });
  });
  bench('search + sort by last change: "typhoon"', async () => {
    await query({ limit: 50, search: 'typhoon', sort: 'updated' });
  });
});
