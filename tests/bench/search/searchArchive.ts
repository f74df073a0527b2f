// `node --import tsx tests/bench/search/searchArchive.ts`: library searches and pages on the generated
// archive (COPYDESK_BENCH_ARCHIVE stories, default 100,000; COPYDESK_BENCH_RUNS timed runs each),
// one JSON line per measurement on stdout, progress on stderr.
import { pathToFileURL } from 'node:url';
import './sqlAsText';
import type { SearchBenchOptions, SearchBenchResult } from './searchBench';

export type { SearchBenchOptions, SearchBenchResult };

/** For `npm run bench`'s runner: the measurements, one object per JSON line. */
export async function runSearchBench(options: SearchBenchOptions = {}): Promise<SearchBenchResult[]> {
  // Imported only now, once ./sqlAsText lets the migrations load outside vitest and the bundle.
  const { searchBench } = await import('./searchBench');
  return searchBench(options);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runSearchBench({
    log: (line) => console.error(line),
    onResult: (result) => console.log(JSON.stringify(result)),
  });
}
