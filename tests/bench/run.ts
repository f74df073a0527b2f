// `npm run bench`: every performance measurement of Copydesk, each beside a reference measured in the
// same run, one JSON line per measurement, and docs/PERFORMANCE.md written from them.
// BENCH_SECTIONS=typing,collab,start,save,publish,desk,search,micro picks sections (default: all);
// BENCH_SIZES=10000,50000, BENCH_ROUNDS=3, BENCH_KEYS=200, BENCH_SAVES=200, BENCH_BATCH=100,
// BENCH_PROFILE=1 (CPU profile of typing on stderr), BENCH_WRITE=0 (leave docs/PERFORMANCE.md alone).
import { chromium } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { machine } from './machine';
import './search/sqlAsText';
import { goalMet, ratioOf, round, type Measurement } from './measurement';
import { writePerformanceDoc, type TypingProfile } from './performanceDoc';
import { coldStartBench } from './start/coldStart';
import { searchBench } from './search/searchHook';
import { deskBench } from './desk/deskBench';
import type { ProfileSummary } from './typing/cpuProfile';
import { runTypingBench } from './typing/typingBench';
import { startBarePage, startCopydesk } from './typing/storyPages';

const root = resolve(import.meta.dirname, '..', '..');
const env = process.env;
const numbers = (value: string | undefined, fallback: number[]) =>
  value ? value.split(',').map(Number) : fallback;
const ALL = ['typing', 'collab', 'start', 'save', 'publish', 'desk', 'search', 'micro'];
const sections = new Set(env.BENCH_SECTIONS ? env.BENCH_SECTIONS.split(',') : ALL);
const options = {
  sizes: numbers(env.BENCH_SIZES, [10_000, 50_000]),
  rounds: Number(env.BENCH_ROUNDS ?? 3),
  keys: Number(env.BENCH_KEYS ?? 200),
  warmup: 20,
  // A whole run profiles too, for the doc's 'where a keystroke's time goes'.
  profile: env.BENCH_PROFILE ? env.BENCH_PROFILE === '1' : !env.BENCH_SECTIONS,
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

/**
 * Each section starts once the writes of the ones before it are on the disk and the machine has settled: they
 * otherwise land in its own fsyncs (the save p99 read 9 ms after the typing sections, 4 ms alone).
 */
const settle = async () => {
  execFileSync('sync');
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
};
const SETTLE_MS = 3_000;

const section = async (name: string, work: () => Promise<Measurement[]>) => {
  if (!sections.has(name)) return;
  await settle();
  try {
    (await work()).forEach(report);
  } catch (error) {
    // One broken section (e.g. no WordPress packages) must not lose the others' numbers.
    failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`bench: ${name} failed`, error);
  }
};
const failed: string[] = [];
const profiles: TypingProfile[] = [];
const printProfile = (editor: string, words: number, profile: ProfileSummary) => {
  profiles.push({ editor, words, keys: options.keys, ...profile });
  console.error(`profile: ${JSON.stringify({ editor, words, ...profile })}`);
};

const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const bare = await startBarePage(dir);
try {
  await section('typing', async () => {
    const host = await startCopydesk(join(dir, 'typing'));
    try {
      return await runTypingBench(browser, host, bare, options, printProfile);
    } finally {
      await host.stop();
    }
  });
  // Loaded only now: the desk's modules read the core's migrations, which ./search/sqlAsText makes loadable.
  const { collabTypingBench } = await import('./typing/collabBench');
  await section('collab', () => collabTypingBench(browser, join(dir, 'collab'), options, printProfile));
  await section('start', () => coldStartBench(browser, dir, join(dir, 'start'), Math.max(3, options.rounds)));
  // Loaded only now, once ./search/sqlAsText lets the core's migrations load outside vitest.
  const { autosaveTypingBench, coreSaveBench } = await import('./save/autosaveBench');
  const { wordpressPublishBench } = await import('./publish/wordpressBench');
  await section('save', async () => {
    const core = await coreSaveBench(Number(env.BENCH_SAVES ?? 200));
    const host = await startCopydesk(join(dir, 'save'));
    try {
      return [...core, ...(await autosaveTypingBench(browser, host, options))];
    } finally {
      await host.stop();
    }
  });
  await section('search', searchBench);
  await section('publish', () =>
    wordpressPublishBench(Math.max(5, options.rounds * 3), Number(env.BENCH_BATCH ?? 100)),
  );
  await section('desk', deskBench);
} finally {
  await browser.close();
  await bare.close();
  rmSync(dir, { recursive: true, force: true });
}

if (sections.has('micro')) {
  // The vitest micro-benchmarks (core, diff, editor, library, links, publish) have no same-run reference: printed only.
  spawnSync('npx', ['vitest', 'bench', '--run'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

if (env.BENCH_WRITE !== '0')
  await writePerformanceDoc(join(root, 'docs', 'PERFORMANCE.md'), results, startedMachine, {
    sections: [...sections],
    failed,
    profiles,
  });
if (failed.length) process.exitCode = 1;
