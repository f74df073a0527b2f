import Database from 'better-sqlite3';
import type { Browser } from '@playwright/test';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, percentile, round, type Measurement } from '../measurement';
import { traceTyping } from '../typing/eventDispatch';
import { caretAtEnd, documentOf, openStory, type CopydeskHost } from '../typing/storyPages';
import { testCore } from '../../support/testCore';

interface Story {
  id: string;
  version: number;
}

const WORDS = 10_000;

/**
 * The core's `stories:save` of a 10,000-word story on a real SQLite file, one word changed per save
 * as autosave sends it, beside the floor: one durable (synchronous=FULL) write of the same JSON.
 */
export async function coreSaveBench(saves: number): Promise<Measurement[]> {
  const core = testCore();
  const floor = new Database(join(core.dir, 'floor.db'));
  try {
    floor.pragma('journal_mode = WAL');
    floor.pragma('synchronous = FULL');
    floor.exec('CREATE TABLE bodies (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    const write = floor.prepare('INSERT OR REPLACE INTO bodies (id, body) VALUES (1, ?)');
    const body = documentOf(WORDS);
    let story = await core.call<Story>('stories:create', { headline: 'Autosave bench', body });
    const ours: number[] = [];
    const reference: number[] = [];
    for (let i = 0; i < saves + 10; i++) {
      const changed = structuredClone(body);
      changed.content[i % changed.content.length]!.content[0]!.text += ` edit${i}`;
      core.tick();
      const started = performance.now();
      story = await core.call<Story>('stories:save', {
        id: story.id,
        expectedVersion: story.version,
        changes: { body: changed },
      });
      const took = performance.now() - started;
      const json = JSON.stringify(changed);
      const floorStarted = performance.now();
      write.run(json);
      const floorTook = performance.now() - floorStarted;
      if (i >= 10) {
        ours.push(took);
        reference.push(floorTook);
      }
    }
    const detail = { saves, words: WORDS };
    const floorName = 'one durable SQLite write of the body JSON';
    return [
      {
        section: 'save',
        name: `core stories:save, ${WORDS.toLocaleString('en')}-word story, p50`,
        unit: 'ms',
        value: round(median(ours)),
        reference: { name: floorName, value: round(median(reference)) },
        goal: null,
        detail,
      },
      {
        section: 'save',
        name: `core stories:save, ${WORDS.toLocaleString('en')}-word story, p99`,
        unit: 'ms',
        value: round(percentile(ours, 0.99)),
        reference: { name: floorName, value: round(percentile(reference, 0.99)) },
        goal: { max: 5 },
        detail,
      },
    ];
  } finally {
    floor.close();
    core.dispose();
  }
}

/**
 * Typing in a 10,000-word story with autosave on, against off: "off" holds the first save's request
 * unanswered, so the saver sends nothing more while the keys are traced.
 */
export async function autosaveTypingBench(
  browser: Browser,
  host: CopydeskHost,
  options: { rounds: number; keys: number },
): Promise<Measurement[]> {
  const headline = 'Autosave typing bench';
  await host.rpc('stories:create', { headline, body: documentOf(WORDS) });
  const on: { keys: number[]; busy: number }[] = [];
  const off: { keys: number[]; busy: number }[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const saving of [true, false]) {
      const page = await openStory(browser, host, headline);
      if (!saving) await page.route('**/rpc/stories:save', () => undefined);
      await caretAtEnd(page);
      await page.keyboard.type('warm up ');
      await page.waitForTimeout(1_500);
      const traced = await traceTyping(browser, page, options.keys);
      (saving ? on : off).push({ keys: traced.keystrokes, busy: traced.busyMsPerKey });
      await page.close();
    }
  }
  const size = `${WORDS.toLocaleString('en')} words`;
  return [
    {
      section: 'save',
      name: `typing with autosave on: keystroke EventDispatch, ${size}`,
      unit: 'ms',
      value: round(median(on.map((r) => median(r.keys))), 3),
      reference: { name: 'autosave off', value: round(median(off.map((r) => median(r.keys))), 3) },
      goal: { ratio: 1 },
      detail: { rounds: options.rounds, keysPerRound: options.keys },
    },
    {
      section: 'save',
      name: `typing with autosave on: main-thread busy time per key (saves included), ${size}`,
      unit: 'ms',
      value: round(median(on.map((r) => r.busy)), 3),
      reference: { name: 'autosave off', value: round(median(off.map((r) => r.busy)), 3) },
      goal: { ratio: 1 },
      detail: { rounds: options.rounds, keysPerRound: options.keys },
    },
  ];
}
