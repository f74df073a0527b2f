import type { Browser, Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { median, round, type Measurement } from '../measurement';
import { BENCH_TOKEN, documentOf, startCopydesk, VIEWPORT } from '../typing/storyPages';
import { startServe, stopProcess } from '../../support/serveProcess';

const HEADLINE = 'Cold start story';

/** Types a key at the caret in the body and waits until the document has it: the story is editable. */
async function keystrokeAccepted(page: Page): Promise<void> {
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type('Z');
  await page.waitForFunction(
    () => document.querySelector('[aria-label="Story body"]')?.textContent?.includes('Z') ?? false,
  );
}

/** A node process serving bare TipTap (the bundle the typing bench built), as the reference start. */
const BARE_SERVER = `
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const dir = process.argv[2];
const script = readFileSync(dir + '/bare.js');
const html = '<!doctype html><meta charset="utf-8"><div id="editor"></div><script src="bare.js"></script>' +
  '<script>startBareEditor(' + readFileSync(dir + '/doc.json', 'utf8') + ')</script>';
createServer((req, res) => {
  if (req.url === '/bare.js') res.setHeader('Content-Type', 'text/javascript').end(script);
  else res.setHeader('Content-Type', 'text/html').end(html);
}).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/'); });
`;

async function bareStart(browser: Browser, dir: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const started = performance.now();
  const child = spawn(process.execPath, [join(dir, 'bareServer.cjs'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next())
      .value as string;
    await page.goto(url);
    await keystrokeAccepted(page);
    return performance.now() - started;
  } finally {
    await context.close();
    await stopProcess(child);
  }
}

async function copydeskStart(browser: Browser, dataDir: string): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const started = performance.now();
  const served = await startServe(dataDir, BENCH_TOKEN);
  const since = () => performance.now() - started;
  try {
    const listening = since();
    await page.goto(served.uiUrl);
    const story = page.getByRole('button', { name: new RegExp(HEADLINE) });
    await story.waitFor();
    const library = since();
    await story.click();
    await page.getByRole('textbox', { name: 'Story body' }).waitFor();
    const editor = since();
    await keystrokeAccepted(page);
    return { listening, library, editor, total: since() };
  } finally {
    await context.close();
    await stopProcess(served.child);
  }
}

/**
 * Process start → a 2,000-word story's body accepts a keystroke: the browser host (`copydesk serve`,
 * a fresh browser context so nothing is cached) against a node process serving bare TipTap.
 * Chromium itself is already running in both, as the user's browser is.
 */
export async function coldStartBench(
  browser: Browser,
  dir: string,
  dataDir: string,
  rounds: number,
): Promise<Measurement[]> {
  const content = documentOf(2_000);
  writeFileSync(join(dir, 'bareServer.cjs'), BARE_SERVER);
  writeFileSync(join(dir, 'doc.json'), JSON.stringify(content));
  // A first start creates the data folder, the person and the story; the measured starts open it.
  const first = await startCopydesk(dataDir);
  await first.rpc('stories:create', { headline: HEADLINE, body: content });
  await first.stop();

  const ours: Record<string, number>[] = [];
  const bare: number[] = [];
  for (let round = 0; round < rounds; round++) {
    ours.push(await copydeskStart(browser, dataDir));
    bare.push(await bareStart(browser, dir));
  }
  const step = (name: string) => round(median(ours.map((r) => r[name]!)), 0);
  return [
    {
      section: 'start',
      name: 'cold start: process start → story body accepts a keystroke (browser host)',
      unit: 'ms',
      value: step('total'),
      reference: { name: 'node process serving bare TipTap, same story', value: round(median(bare), 0) },
      goal: { max: 800 },
      detail: {
        listening: step('listening'),
        libraryShown: step('library'),
        editorShown: step('editor'),
        rounds,
      },
    },
  ];
}
