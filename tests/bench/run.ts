// `npm run bench`: every performance measurement of Copydesk, each beside a reference measured in the
// same run, one JSON line per measurement, and docs/PERFORMANCE.md written from them.
// BENCH_SECTIONS=typing,start,save,publish,desk,search,micro picks sections (default: all);
// BENCH_SIZES=10000,50000, BENCH_ROUNDS=3, BENCH_KEYS=200, BENCH_PROFILE=1, BENCH_WRITE=0 (no docs).
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { machine } from './machine';
import { goalMet, ratioOf, round, type Measurement } from './measurement';
import { writePerformanceDoc } from './performanceDoc';
import { runTypingBench } from './typing/typingBench';
import { startBarePage, startCopydesk } from './typing/storyPages';

const root = resolve(import.meta.dirname, '..', '..');
const env = process.env;
const numbers = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map(Number) : fallback;
const ALL = ['typing', 'start', 'save', 'publish', 'desk', 'search', 'micro'];
const sections = new Set(env.BENCH_SECTIONS ? env.BENCH_SECTIONS.split(',') : ALL);
const options = {
  sizes: numbers(env.BENCH_SIZES, [10_000, 50_000]),
  rounds: Number(env.BENCH_ROUNDS ?? 3),
  keys: Number(env.BENCH_KEYS ?? 200),
  warmup: 20,
  profile: env.BENCH_PROFILE === '1',
};

const startedMachine = machine();
const results: Measurement[] = [];
const report = (measurement: Measurement) => {
  results.push(measurement);
  const ratio = ratioOf(measurement);
  console.log(
    JSON.stringify({
      ...measurement,
      ratio: ratio === null ? null : round(ratio),
      met: goalMet(measurement),
    }),
  );
};

const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  if (sections.has('typing')) {
    const bare = await startBarePage(dir);
    const host = await startCopydesk(join(dir, 'typing'));
    try {
      const measured = await runTypingBench(browser, host, bare.url, options, (editor, words, profile) =>
        console.error(`profile: ${JSON.stringify({ editor, words, ...profile })}`),
      );
      measured.forEach(report);
    } finally {
      await host.stop();
      await bare.close();
    }
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

if (sections.has('micro')) {
  // The vitest micro-benchmarks (core, diff, editor, library, links, publish) have no same-run reference: printed only.
  spawnSync('npx', ['vitest', 'bench', '--run'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

if (env.BENCH_WRITE !== '0')
  writePerformanceDoc(join(root, 'docs', 'PERFORMANCE.md'), results, startedMachine, [...sections]);
