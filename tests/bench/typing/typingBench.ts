import type { Browser, Page } from '@playwright/test';
import { median, percentile, round, type Measurement } from '../measurement';
import { profileWhile, type ProfileSummary } from './cpuProfile';
import { traceTyping, typedKeys } from './eventDispatch';
import { heapAfterGc } from './heapUsage';
import {
  caretAtEnd,
  documentOf,
  openBare,
  openBareInStoryPane,
  openStory,
  type CopydeskHost,
} from './storyPages';

export interface TypingOptions {
  sizes: number[];
  rounds: number;
  /** Characters traced per measurement (Gutenberg types 200). */
  keys: number;
  warmup: number;
  /** Also take a CPU profile of Copydesk typing at each size. */
  profile: boolean;
}

export interface Sample {
  eventDispatch: number[];
  frame: number[];
  heapMb: number;
  layoutMsPerKey: number;
}

async function warmUp(page: Page, keys: number) {
  await caretAtEnd(page);
  for (const key of typedKeys(keys)) await page.keyboard.press(key === ' ' ? 'Space' : key);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
}

/** A CPU profile of the key events' dispatch (the time the keystroke metric counts) on an open story; closes the page. */
export async function profileTyping(
  browser: Browser,
  page: Page,
  options: TypingOptions,
): Promise<ProfileSummary> {
  await warmUp(page, options.warmup);
  const summary = await profileWhile(
    page,
    async () => (await traceTyping(browser, page, options.keys)).keyEventSpans,
  );
  await page.close();
  return summary;
}

/** One round on an open story: heap after GC, then traced keystrokes, with each one's keydown → frame. */
export async function sample(browser: Browser, page: Page, options: TypingOptions): Promise<Sample> {
  const heapMb = await heapAfterGc(page);
  await warmUp(page, options.warmup);
  const traced = await traceTyping(browser, page, options.keys);
  return {
    eventDispatch: traced.keystrokes,
    frame: traced.frames,
    heapMb,
    layoutMsPerKey: traced.layoutMsPerKey,
  };
}

/** Copydesk's editor (the real app through the browser host) against bare TipTap 3 + StarterKit, interleaved per round. */
export async function runTypingBench(
  browser: Browser,
  host: CopydeskHost,
  bare: { url: string; script: string },
  options: TypingOptions,
  onProfile: (editor: string, words: number, summary: ProfileSummary) => void,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const words of options.sizes) {
    const content = documentOf(words);
    const headline = `Typing bench ${words} words`;
    await host.rpc('stories:create', { headline, body: content });
    const bareSamples: Sample[] = [];
    const ours: Sample[] = [];
    const bareInPane: Sample[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const barePage = await openBare(browser, bare.url, content);
      bareSamples.push(await sample(browser, barePage, options));
      await barePage.close();
      const page = await openStory(browser, host, headline);
      ours.push(await sample(browser, page, options));
      await page.close();
      const inPane = await openBareInStoryPane(browser, host, headline, bare.script, content);
      bareInPane.push(await sample(browser, inPane, options));
      await inPane.close();
    }
    if (options.profile) {
      const bareProfile = await profileTyping(browser, await openBare(browser, bare.url, content), options);
      onProfile('bare TipTap', words, bareProfile);
      onProfile(
        'Copydesk',
        words,
        await profileTyping(browser, await openStory(browser, host, headline), options),
      );
    }
    // The median of each round's median: one slow round on a shared machine does not decide it.
    const medianOf = (samples: Sample[], pick: (s: Sample) => number[], p = 0.5) =>
      median(samples.map((s) => percentile(pick(s), p)));
    const size = `${words.toLocaleString('en')} words`;
    const detail = (pick: (s: Sample) => number[]) => ({
      p95: round(medianOf(ours, pick, 0.95)),
      referenceP95: round(medianOf(bareSamples, pick, 0.95)),
      rounds: options.rounds,
      keysPerRound: options.keys,
    });
    /** A measurement of `samples` (Copydesk's by default) against bare TipTap's in its own page. */
    const versusBare = (
      name: string,
      unit: string,
      of: (samples: Sample[]) => number,
      goal: Measurement['goal'],
      samples = ours,
    ): Measurement => ({
      section: 'typing',
      name: `${name}, ${size}`,
      unit,
      value: of(samples),
      reference: { name: 'bare TipTap 3 StarterKit', value: of(bareSamples) },
      goal,
    });
    const eventDispatch = (samples: Sample[]) =>
      round(
        medianOf(samples, (s) => s.eventDispatch),
        3,
      );
    const layout = (samples: Sample[]) => round(median(samples.map((s) => s.layoutMsPerKey)), 3);
    const frame = (samples: Sample[]) => round(medianOf(samples, (s) => s.frame));
    measurements.push(
      {
        ...versusBare('keystroke EventDispatch (keydown+keypress+keyup)', 'ms', eventDispatch, { ratio: 1 }),
        detail: detail((s) => s.eventDispatch),
      },
      {
        ...versusBare('keydown → next frame', 'ms', frame, { ratio: 1 }),
        detail: detail((s) => s.frame),
      },
      versusBare('layout inside the key events, per key', 'ms', layout, null),
      // No goal: a reference that splits the gap into the page around the editor and the editor's own code.
      versusBare(
        "keystroke EventDispatch, bare TipTap inside Copydesk's story pane",
        'ms',
        eventDispatch,
        null,
        bareInPane,
      ),
      versusBare(
        "layout inside the key events, per key, bare TipTap inside Copydesk's story pane",
        'ms',
        layout,
        null,
        bareInPane,
      ),
      versusBare(
        "keydown → next frame, bare TipTap inside Copydesk's story pane",
        'ms',
        frame,
        null,
        bareInPane,
      ),
      versusBare(
        'renderer heap after GC, story open',
        'MB',
        (samples) => round(median(samples.map((s) => s.heapMb)), 1),
        null,
      ),
    );
  }
  return measurements;
}
