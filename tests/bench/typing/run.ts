// Typing cost in a long story: Copydesk's editor (the real app in the browser host) against bare TipTap.
// Prints the median and p95 latency from keydown to the next frame, per document size.
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CHROMIUM, CHROMIUM_ARGS } from '../../support/chromium';
import { copydeskHost, documentOf, KEYS, measure } from './typingPage';

const SIZES = [10_000, 50_000];

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
