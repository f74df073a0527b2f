import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createCore, DATABASE_FILE } from '../../../main/core/createCore';
import type { LibraryPage, LibraryQueryInput } from '../../../shared/ipc/contract';
import { tempDir } from '../../support/tempDir';
import { archiveStore } from './archiveStore';

export interface SearchBenchOptions {
  /** Stories in the generated archive (default: COPYDESK_BENCH_ARCHIVE, else 100,000). */
  size?: number;
  /** Timed runs per measurement (default: COPYDESK_BENCH_RUNS, else 60), after a few warm-up runs. */
  runs?: number;
  /** Progress notes (archive generation). */
  log?: (line: string) => void;
  /** Each measurement as soon as it is made (all are also returned). */
  onResult?: (result: SearchBenchResult) => void;
}

export interface SearchBenchResult {
  bench: 'search';
  query: string;
  input: LibraryQueryInput;
  /** Stories the search or filters match in the whole archive. */
  matches: number;
  rows: number;
  p50_ms: number;
  p95_ms: number;
  ref: string;
  ref_p50_ms: number;
  ref_p95_ms: number;
  /** p50 over the reference's p50, both measured interleaved in this run. */
  ratio: number;
  /** p95 over the reference's p95. */
  ratio_p95: number;
  runs: number;
  archive: number;
}

const fts = (match: string) => `SELECT count(*) FROM stories_fts WHERE stories_fts MATCH '${match}'`;
const THE = fts('"the"');
const ECONOMY = `SELECT count(*) FROM story_tags WHERE tag_id = (SELECT id FROM tags WHERE name = 'Economy')`;
const BUSINESS_PUBLISHED = `SELECT count(*) FROM stories WHERE section_id = 'business' AND status = 'published'`;

/** What a user does in the library or the palette; `count` is raw SQL counting its matches. */
const MEASUREMENTS: { query: string; input: LibraryQueryInput; count: string }[] = [
  // The generator's vocabulary is small: its rarest words (tags) are in 3.4% of stories.
  { query: 'rare word: "bank"', input: { search: 'bank ', limit: 20 }, count: fts('"bank"') },
  { query: 'mid word: "typhoon"', input: { search: 'typhoon ', limit: 20 }, count: fts('"typhoon"') },
  { query: 'common word: "the"', input: { search: 'the ', limit: 20 }, count: THE },
  { query: 'one-letter prefix: "t"', input: { search: 't', limit: 20 }, count: fts('"t"*') },
  { query: 'two-letter prefix: "th"', input: { search: 'th', limit: 20 }, count: fts('"th"*') },
  {
    query: 'two-word phrase: "interest rates"',
    input: { search: '"interest rates"', limit: 20 },
    count: fts('"interest rates"'),
  },
  { query: 'tag filter: Economy', input: { filters: { tag: 'Economy' }, limit: 20 }, count: ECONOMY },
  {
    query: 'section+status filter: business, published',
    input: { filters: { sectionId: 'business', status: ['published'] }, limit: 20 },
    count: BUSINESS_PUBLISHED,
  },
  {
    query: '"the" + tag filter: Economy',
    input: { search: 'the ', filters: { tag: 'Economy' }, limit: 20 },
    count: ECONOMY,
  },
  {
    query: '"the" + section+status filter: business, published',
    input: { search: 'the ', filters: { sectionId: 'business', status: ['published'] }, limit: 20 },
    count: BUSINESS_PUBLISHED,
  },
  { query: 'first page, unfiltered (50 rows)', input: { limit: 50 }, count: 'SELECT count(*) FROM stories' },
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const round = (ms: number) => Math.round(ms * 100) / 100;

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/**
 * Library queries on the generated archive through the real core (`library:query`: ranking, filters,
 * tags, snippets), each beside a raw FTS5 count measured interleaved on the same file.
 */
export async function searchBench(options: SearchBenchOptions = {}): Promise<SearchBenchResult[]> {
  const size = options.size ?? Number(process.env.COPYDESK_BENCH_ARCHIVE ?? 100_000);
  const runs = options.runs ?? Number(process.env.COPYDESK_BENCH_RUNS ?? 60);
  const log = options.log ?? (() => undefined);
  const dir = tempDir('copydesk-search-bench-');
  try {
    archiveStore(dir.path, size, log);
    const core = createCore({ dataDir: dir.path, appVersion: 'bench', host: 'test', backupIntervalMs: 0 });
    const raw = new Database(join(dir.path, DATABASE_FILE), { readonly: true });
    try {
      const reference = raw.prepare(THE).pluck();
      const results: SearchBenchResult[] = [];
      for (const { query, input, count } of MEASUREMENTS) {
        let rows = 0;
        const times: number[] = [];
        const refTimes: number[] = [];
        for (let i = 0; i < runs + 3; i++) {
          const started = performance.now();
          const result = await core.dispatch('library:query', input);
          const elapsed = performance.now() - started;
          if (!result.ok) throw new Error(`${query}: ${result.error.code} ${result.error.message}`);
          rows = (result.value as LibraryPage).items.length;
          const refElapsed = timed(() => reference.get());
          if (i < 3) continue;
          times.push(elapsed);
          refTimes.push(refElapsed);
        }
        times.sort((x, y) => x - y);
        refTimes.sort((x, y) => x - y);
        const matches = raw.prepare(count).pluck().get() as number;
        const result: SearchBenchResult = {
          bench: 'search',
          query,
          input,
          matches,
          rows,
          p50_ms: round(quantile(times, 0.5)),
          p95_ms: round(quantile(times, 0.95)),
          ref: 'raw FTS5 count of "the" matches',
          ref_p50_ms: round(quantile(refTimes, 0.5)),
          ref_p95_ms: round(quantile(refTimes, 0.95)),
          ratio: round(quantile(times, 0.5) / quantile(refTimes, 0.5)),
          ratio_p95: round(quantile(times, 0.95) / quantile(refTimes, 0.95)),
          runs,
          archive: size,
        };
        results.push(result);
        options.onResult?.(result);
      }
      return results;
    } finally {
      raw.close();
      core.close();
    }
  } finally {
    dir.remove();
  }
}
