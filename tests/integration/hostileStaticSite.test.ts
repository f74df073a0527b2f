import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { publishingCore, type PublishingCore } from './publishTestKit';

// The shared fixtures sit beside the repository (`../shared`), or beside the worktrees' parent.
const FIXTURES = [
  join(import.meta.dirname, '..', '..', '..'),
  join(import.meta.dirname, '..', '..', '..', '..'),
]
  .map((base) => join(base, 'shared', 'fixtures', 'xss'))
  .find((dir) => existsSync(dir))!;
const payloads = [
  ...(JSON.parse(readFileSync(join(FIXTURES, 'dompurify-expect-payloads.json'), 'utf8')) as {
    payload: string;
  }[]),
  ...(JSON.parse(readFileSync(join(FIXTURES, 'h5sc-items-payloads.json'), 'utf8')) as { payload: string }[]),
].map((item) => item.payload);
const PER_STORY = 10;

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? htmlFiles(join(dir, entry.name))
      : entry.name.endsWith('.html')
        ? [join(dir, entry.name)]
        : [],
  );

/** A story carrying hostile HTML in every text field and in body text, with a javascript: link. */
function hostileStory(batch: string[], n: number) {
  const line = (text: string, max: number) => text.replace(/[\r\n]+/g, ' ').slice(0, max);
  return {
    headline: line(`Hostile ${n} ${batch[0]}`, 300),
    standfirst: line(batch.join(' '), 1000),
    byline: line(batch[1] ?? '', 200),
    dateline: line(batch[2] ?? '', 200),
    credit: line(batch[3] ?? '', 200),
    sectionId: 'politics',
    body: {
      type: 'doc' as const,
      // A javascript: link is refused on save (tests/integration/hostileInput.test.ts); the payloads go in as text.
      content: batch.map((payload) => ({ type: 'paragraph', content: [{ type: 'text', text: payload }] })),
    },
  };
}

describe('the static site built from hostile stories', () => {
  let kit: PublishingCore;
  let browser: Browser;
  beforeAll(async () => {
    kit = publishingCore();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    kit.dispose();
  });

  it('runs no script and opens no dialog on any page, in Chromium', async () => {
    await kit.call('settings:update', { requireApproval: false });
    let refused = 0;
    let stories = 0;
    for (let start = 0; start < payloads.length; start += PER_STORY) {
      const result = await kit.core.dispatch(
        'stories:create',
        hostileStory(payloads.slice(start, start + PER_STORY), start),
      );
      if (!result.ok) {
        refused++;
        continue;
      }
      stories++;
      const { id } = result.value as { id: string };
      const job = await kit.core.dispatch('publish:start', { storyId: id });
      if (!job.ok) throw new Error(`publish refused: ${job.error.message}`);
      await kit.runDue();
      kit.tick(60_000);
    }
    const site = join(kit.dir, 'site');
    const pages = htmlFiles(site);
    const fired: string[] = [];
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    // Playwright's own helpers run in isolated worlds; only the page's main world counts.
    const mainWorlds = new Set<number>();
    cdp.on(
      'Runtime.executionContextCreated',
      (event: { context: { id: number; auxData?: { isDefault?: boolean } } }) => {
        if (event.context.auxData?.isDefault) mainWorlds.add(event.context.id);
      },
    );
    await cdp.send('Runtime.enable');
    await cdp.send('Debugger.enable');
    let current = '';
    cdp.on('Debugger.scriptParsed', (event: { url: string; executionContextId: number }) => {
      if (mainWorlds.has(event.executionContextId))
        fired.push(`script ran on ${current}: ${event.url || '(inline)'}`);
    });
    page.on('dialog', (dialog) => {
      fired.push(`dialog on ${current}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('popup', () => fired.push(`popup from ${current}`));
    // A page that reached the network would have been fetched from somewhere other than the site folder.
    await page.route(/^(?!file:)/, (route) => {
      fired.push(`request from ${current}: ${route.request().url()}`);
      return route.abort();
    });
    // The listeners' own check: a page that does run a script and open a dialog is caught.
    const control = join(kit.dir, 'control.html');
    writeFileSync(control, '<!doctype html><img src="x" onerror="alert(1)"><script>void 0</script>');
    current = 'control';
    await page.goto(pathToFileURL(control).href, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    expect(fired.some((line) => line.startsWith('script ran on control'))).toBe(true);
    expect(fired.some((line) => line.startsWith('dialog on control'))).toBe(true);
    fired.length = 0;

    for (const file of pages) {
      current = relative(site, file);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.waitForTimeout(50);
    }
    console.log(
      `hostile static site: ${payloads.length} corpus payloads in ${stories} published stories (${refused} refused by the contract), ` +
        `${pages.length} pages opened in Chromium, ${fired.length} scripts/dialogs/requests fired`,
    );
    expect(stories).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(stories);
    expect(fired).toEqual([]);
  }, 300_000);
});
