import type { Page } from '@playwright/test';
import { expect, test } from './browserHost';

/** Counts the app's calls by channel from the moment it is called until `stop()`. */
function countCalls(page: Page) {
  const counts = new Map<string, number>();
  const onRequest = (request: { url(): string }) => {
    const channel = /\/rpc\/([^/?#]+)/.exec(request.url())?.[1];
    if (channel) {
      const name = decodeURIComponent(channel);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  };
  page.on('request', onRequest);
  return {
    of: (channel: string) => counts.get(channel) ?? 0,
    stop() {
      page.off('request', onRequest);
      return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}

/** Long enough for every event of a save to arrive and every reload it causes to be sent. */
const SETTLE_MS = 1500;

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

test('an autosave of the open story is one write, with no read of the story or its list row', async ({
  page,
  host,
}) => {
  await host.rpc('settings:update', { requireApproval: false });
  const story = await host.rpc('stories:create', {
    headline: 'Harbour fees rise',
    standfirst: 'Port users pay more from May.',
    sectionId: 'business',
    body: paragraph('Fees rise in May.'),
  });
  await page.goto(host.uiUrl);
  const stories = page.getByRole('region', { name: 'Stories' });
  await stories.getByRole('button', { name: /^Harbour fees rise/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await expect(body).toContainText('Fees rise in May.');
  await page.waitForTimeout(SETTLE_MS);

  const calls = countCalls(page);
  await body.click();
  await page.keyboard.press('Control+End');
  // One edit: the autosave goes a second after the first change, which keys typed on a loaded machine can outlast.
  await page.keyboard.insertText(' Ferries are exempt.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.waitForTimeout(SETTLE_MS);
  const afterSave = calls.stop();
  console.log(`requests after an autosave: ${JSON.stringify(afterSave)}`);

  expect(calls.of('stories:save')).toBe(1);
  expect(calls.of('stories:get')).toBe(0);
  expect(calls.of('library:query')).toBe(0);
  // The list row shows the saved story without asking for it again.
  const stored = await host.rpc('stories:get', { id: story.id });
  expect(stored.version).toBe(story.version + 1);
  await expect(stories.getByRole('button', { name: /^Harbour fees rise/ })).toHaveAttribute(
    'aria-current',
    'true',
  );

  const publishCalls = countCalls(page);
  await page
    .getByRole('toolbar', { name: 'Formatting' })
    .getByRole('button', { name: 'Publish', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Publish to Built-in static site' });
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(dialog.getByRole('link', { name: 'View live page' })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(SETTLE_MS);
  console.log(`requests for a publish: ${JSON.stringify(publishCalls.stop())}`);
  expect(publishCalls.of('publish:start')).toBe(1);
});

test('the first screen asks for the library beside who is using the app, and fetches the editor before a story opens', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Harbour fees rise', body: paragraph('Fees rise in May.') });
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // Who is using the app is answered only once the library's first page has been asked for: an app that
  // waited for the person before asking would never show the list.
  let libraryAsked!: () => void;
  const asked = new Promise<void>((resolve) => (libraryAsked = resolve));
  page.on('request', (request) => {
    if (request.url().includes(`/rpc/${encodeURIComponent('library:query')}`)) libraryAsked();
  });
  await page.route(`**/rpc/${encodeURIComponent('people:current')}`, async (route) => {
    await asked;
    await route.continue();
  });

  await page.goto(host.uiUrl);
  const stories = page.getByRole('region', { name: 'Stories' });
  await expect(stories.getByRole('button', { name: /^Harbour fees rise/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toHaveCount(0);
  // The editor's own chunk was fetched with the app's, before any story was opened.
  expect(scripts.filter((path) => /\/assets\/StoryPane-[\w-]+\.js$/.test(path))).toHaveLength(1);

  await stories.getByRole('button', { name: /^Harbour fees rise/ }).click();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toContainText('Fees rise in May.');
});

test('opening a story asks for its parts beside the story, not after it, and each once', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Bridge tolls end', body: paragraph('Tolls end on Friday.') });
  // The story's answer is held back until its parts are asked for (5 s at most): parts asked only once the
  // story shows would not be asked by then.
  const parts = ['publish:preflight', 'links:forStory', 'tags:ofStory'];
  const asked = new Set<string>();
  let askedBeforeStory: string[] = [];
  let allAsked!: () => void;
  const everyPartAsked = new Promise<void>((resolve) => (allAsked = resolve));
  page.on('request', (request) => {
    const channel = decodeURIComponent(/\/rpc\/([^/?#]+)/.exec(request.url())?.[1] ?? '');
    if (parts.includes(channel)) asked.add(channel);
    if (asked.size === parts.length) allAsked();
  });
  await page.route(`**/rpc/${encodeURIComponent('stories:get')}`, async (route) => {
    await Promise.race([everyPartAsked, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    askedBeforeStory = [...asked].sort();
    await route.continue();
  });
  await page.goto(host.uiUrl);
  const calls = countCalls(page);
  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /^Bridge tolls end/ })
    .click();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toContainText('Tolls end on Friday.');
  expect(askedBeforeStory).toEqual([...parts].sort());
  await page.waitForTimeout(SETTLE_MS);
  const counted = calls.stop();
  for (const part of parts) expect(counted[part], part).toBe(1);
});

test("the first screen's reads go out before the app's own chunk has arrived, and each is asked once", async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Ferry timetable changes', body: paragraph('From Monday.') });
  // The app's chunk is held back until the first screen's reads are asked for (5 s at most): reads the app
  // itself sends once it runs would not be asked by then.
  const reads = ['people:current', 'people:list', 'library:query', 'desk:status'];
  const calls = countCalls(page);
  let askedBeforeApp: string[] = [];
  await page.route('**/assets/renderApp-*.js', async (route) => {
    const deadline = Date.now() + 5_000;
    while (reads.some((read) => calls.of(read) === 0) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    askedBeforeApp = reads.filter((read) => calls.of(read) > 0).sort();
    await route.continue();
  });
  await page.goto(host.uiUrl);
  await expect(
    page.getByRole('region', { name: 'Stories' }).getByRole('button', { name: /^Ferry timetable changes/ }),
  ).toBeVisible({ timeout: 10_000 });
  expect(askedBeforeApp).toEqual([...reads].sort());
  await page.waitForTimeout(SETTLE_MS);
  const counted = calls.stop();
  console.log(`first screen's requests: ${JSON.stringify(counted)}`);
  for (const read of ['people:current', 'people:list', 'desk:status']) expect(counted[read], read).toBe(1);
  // The library's first page and the sidebar's count of stories returned to this person.
  expect(counted['library:query']).toBe(2);
});

test('a story is asked for as its row is pressed, before the click ends', async ({ page, host }) => {
  await host.rpc('stories:create', {
    headline: 'Pier reopens',
    body: paragraph('The pier reopens in June.'),
  });
  await page.goto(host.uiUrl);
  const row = page.getByRole('region', { name: 'Stories' }).getByRole('button', { name: /^Pier reopens/ });
  await row.hover();
  const calls = countCalls(page);
  const asked = page.waitForRequest(`**/rpc/${encodeURIComponent('stories:get')}`, { timeout: 5_000 });
  await page.mouse.down();
  await asked;
  await page.mouse.up();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toContainText('The pier reopens in June.');
  await page.waitForTimeout(SETTLE_MS);
  expect(calls.stop()['stories:get']).toBe(1);
});
