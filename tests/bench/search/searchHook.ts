import type { Measurement } from '../measurement';

/**
 * Section 3 (search at 100,000 stories) from `runSearchBench`. Loaded only when the section runs: the
 * archive's core reads the migrations, which ./sqlAsText must be able to load first.
 */
export async function searchBench(): Promise<Measurement[]> {
  const { runSearchBench } = await import('./searchArchive');
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
