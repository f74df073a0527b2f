// Typing cost in a long story: Copydesk's editor (the real app in the browser host) against bare TipTap.
// Prints the median and p95 latency from keydown to the next frame, per document size.
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { installLatencyProbe } from './typingLatency';

const root = resolve(import.meta.dirname, '..', '..', '..');
const KEYS = 120;
const SIZES = [10_000, 50_000];

const sentence = 'The council met on Tuesday to discuss the harbour budget and the new night bus routes.';
function documentOf(words: number) {
  const perParagraph = sentence.split(' ').length * 4;
  return {
    type: 'doc',
    content: Array.from({ length: Math.ceil(words / perParagraph) }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${sentence} ${sentence} ${sentence} ${sentence}` }],
    })),
  };
}

async function measure(page: Page): Promise<{ median: number; p95: number }> {
  const editor = page.getByRole('textbox', { name: 'Story body' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(installLatencyProbe);
  for (let i = 0; i < KEYS; i++) await page.keyboard.press(i % 12 === 11 ? 'Space' : 'KeyA');
  await page.waitForTimeout(300);
  const samples = (
    await page.evaluate(() => (window as unknown as { latencySamples: number[] }).latencySamples)
  ).sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function bareTipTapPage(dir: string): Promise<{ url: string; close(): void }> {
  await build({
    entryPoints: [join(import.meta.dirname, 'bareEditor.ts')],
    bundle: true,
    format: 'iife',
    outfile: join(dir, 'bare.js'),
    logLevel: 'warning',
  });
  const html = '<!doctype html><meta charset="utf-8"><div id="editor"></div><script src="bare.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/bare.js') res.end(readFileSync(join(dir, 'bare.js')));
    else res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

async function copydeskHost(dataDir: string): Promise<{ url: string; token: string; stop(): void }> {
  const token = 'bench-token-0123456789abcdef';
  const child = spawn(
    process.execPath,
    [join(root, 'dist', 'main', 'cli.cjs'), 'serve', '--data', dataDir, '--no-open'],
    {
      env: { ...process.env, COPYDESK_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const first = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next())
    .value as string;
  return { url: /(http:\/\/127\.0\.0\.1:\d+)/.exec(first)![1]!, token, stop: () => child.kill() };
}

const dir = mkdtempSync(join(tmpdir(), 'copydesk-typing-'));
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
const bare = await bareTipTapPage(dir);
const host = await copydeskHost(join(dir, 'data'));
const rpc = (channel: string, input: unknown) =>
  fetch(`${host.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(input),
  });
try {
  // Someone must be using the app, or it opens on its first-run question instead of the library.
  await rpc('people:create', { name: 'Bench Reporter', role: 'reporter' });
  console.log(`typing latency, keydown → next frame, ${KEYS} keys (ms)`);
  for (const words of SIZES) {
    const content = documentOf(words);
    const barePage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await barePage.goto(bare.url);
    await barePage.evaluate((doc) => window.startBareEditor(doc), content);
    const baseline = await measure(barePage);
    await barePage.close();

    await rpc('stories:create', { headline: `Long story ${words}`, body: content });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${host.url}/#token=${host.token}`);
    await page.getByRole('button', { name: new RegExp(`Long story ${words}`) }).click();
    await page.getByRole('textbox', { name: 'Story body' }).waitFor();
    const ours = await measure(page);
    await page.close();
    const fmt = (n: number) => n.toFixed(1).padStart(6);
    console.log(
      `${words.toLocaleString('en').padStart(7)} words  bare TipTap median ${fmt(baseline.median)} p95 ${fmt(baseline.p95)}` +
        `  | Copydesk median ${fmt(ours.median)} p95 ${fmt(ours.p95)}`,
    );
  }
} finally {
  await browser.close();
  bare.close();
  host.stop();
  rmSync(dir, { recursive: true, force: true });
}
