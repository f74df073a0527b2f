import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Measurement } from '../measurement';

/** The search engineer's result line (tests/bench/search/searchArchive.ts), as far as the table needs it. */
interface SearchBenchResult {
  query: string;
  matches: number;
  rows: number;
  p50_ms: number;
  p95_ms: number;
  ref: string;
  ref_p50_ms: number;
  ref_p95_ms: number;
  runs: number;
  archive: number;
}

const SEARCH_BENCH = join(import.meta.dirname, 'searchArchive.ts');

/**
 * Section 3 (search at 100,000 stories) comes from `runSearchBench` in searchArchive.ts, written on its
 * own branch: loaded by path so this runner builds without it; null until it is merged.
 */
export async function searchBench(): Promise<Measurement[] | null> {
  if (!existsSync(SEARCH_BENCH)) return null;
  const { runSearchBench } = (await import(pathToFileURL(SEARCH_BENCH).href)) as {
    runSearchBench(options: { log?(line: string): void }): Promise<SearchBenchResult[]>;
  };
  const results = await runSearchBench({ log: (line) => console.error(`search: ${line}`) });
  return results.map((r) => ({
    section: 'search',
    name: `search ${r.query}, p95 (${r.archive.toLocaleString('en')} stories)`,
    unit: 'ms',
    value: r.p95_ms,
    reference: { name: r.ref, value: r.ref_p95_ms },
    goal: { max: 20 },
    detail: { p50: r.p50_ms, referenceP50: r.ref_p50_ms, matches: r.matches, rows: r.rows, runs: r.runs },
  }));
}
