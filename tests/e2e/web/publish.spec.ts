import type { Page } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';
import { requireWordPress, startWordPress, type WordPressPeer } from '../../peers/wordpress';
import { expect, test } from './browserHost';

const SHOTS = `${process.env.COPYDESK_DIST ? `test-results-${process.env.COPYDESK_DIST}` : 'test-results'}/screenshots`;

test.describe.configure({ mode: 'serial' });

async function allowUnapproved(page: Page) {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await page.getByLabel('Stories must be approved by an editor before they are published').uncheck();
}

async function writeStory(page: Page, headline: string, section = 'Politics') {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  // With a story already open, wait for the new one before typing, or the headline lands in the old one.
  await expect(page.getByLabel('Headline')).toHaveValue('');
  await page.getByLabel('Headline').fill(headline);
  await page
    .getByLabel('Standfirst')
    .fill('Councillors backed the plan by a wide margin after a long night.');
  await page.getByLabel('Byline').fill('By Ana Lima');
  await page.getByLabel('Credit').fill('reports Lusa');
  await page.getByLabel('Section').selectOption({ label: section });
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.type('The harbour budget passed on Tuesday with thirty votes in favour.');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(
    `${'Work on the new quay starts in spring and will take two years. '.repeat(30)}`,
  );
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Formatting' });

test.describe('publishing to WordPress', () => {
  const hasWordPress = requireWordPress();
  test.skip(!hasWordPress, 'WordPress peer unavailable');
  let peer: WordPressPeer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    peer = await startWordPress();
  });
  test.afterAll(async () => {
    await peer?.stop();
  });

  test('add a WordPress site in Settings, test it, publish from the toolbar and follow the live link', async ({
    page,
    host,
  }) => {
    test.setTimeout(60_000);
    await page.goto(host.uiUrl);
    await allowUnapproved(page);
    const targets = page.getByRole('region', { name: 'Publish targets' });
    await expect(targets.getByRole('listitem', { name: 'Built-in static site' })).toBeVisible();

    await targets.getByRole('button', { name: 'Add WordPress site' }).click();
    const form = page.getByRole('form', { name: 'Add WordPress site' });
    await form.getByLabel('Site URL').fill(peer.url);
    await form.getByLabel('User name').fill(peer.user);
    await form.getByLabel('Application password').fill(peer.appPassword);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status')).toHaveText(
      `Connected to Copydesk Test Site as ${peer.user}. This user may publish posts.`,
    );
    await page.screenshot({ path: `${SHOTS}/publish-settings-test.png` });
    await form.getByRole('button', { name: 'Save target' }).click();

    const site = targets.getByRole('listitem', { name: 'Copydesk Test Site' });
    await expect(site).toContainText('••• saved');
    await expect(page.locator('body')).not.toContainText(peer.appPassword);
    await site.getByRole('button', { name: 'Make default' }).click();
    await expect(site).toContainText('Default');
    await page.screenshot({ path: `${SHOTS}/publish-settings.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/publish-settings-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'All stories' })
      .click();
    await writeStory(page, 'Harbour budget passes after all-night sitting');
    await toolbar(page).getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish to Copydesk Test Site' });
    await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText(
      'The story has no featured image.',
    );
    await page.screenshot({ path: `${SHOTS}/publish-preflight.png` });
    await expect(dialog.getByRole('list', { name: 'Blockers' })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/publish-preflight.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/publish-preflight-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Publish now' }).click();

    const live = dialog.getByRole('link', { name: 'View live page' });
    await expect(live).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByRole('list', { name: 'Progress' }).getByRole('listitem')).toHaveText([
      '✓Render',
      '✓Upload images',
      '✓Tags',
      '✓Send',
    ]);
    await page.screenshot({ path: `${SHOTS}/publish-done.png` });
    const href = await live.getAttribute('href');
    expect(href?.startsWith(peer.url)).toBe(true);
    // The test site has no theme to render pages, so the link is checked against the post the API reports.
    const posts = (await (
      await fetch(peer.restUrl('/wp/v2/posts', { slug: 'harbour-budget-passes-after-all-night-sitting' }))
    ).json()) as { link: string; title: { rendered: string } }[];
    expect(posts.map((post) => [post.link, post.title.rendered])).toEqual([
      [href, 'Harbour budget passes after all-night sitting'],
    ]);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(toolbar(page).getByRole('button', { name: 'Update' })).toBeVisible();
    await expect(
      page.getByRole('main', { name: 'Story' }).getByText('Published', { exact: true }),
    ).toBeVisible();
    await expect(toolbar(page).getByText('Changed since published')).toHaveCount(0);
    await page.getByRole('textbox', { name: 'Story body' }).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' A late amendment was rejected.');
    await expect(toolbar(page).getByText('Changed since published')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Stories' }).getByRole('button', { name: /^Harbour budget passes/ }),
    ).toContainText('Changed since published');
    await page.screenshot({ path: `${SHOTS}/publish-changed.png` });

    // This story goes to the static site from now on; the newsroom's default stays the WordPress site.
    await toolbar(page).getByRole('button', { name: 'Update' }).click();
    await page
      .getByRole('dialog', { name: 'Update to Copydesk Test Site' })
      .getByLabel('Site')
      .selectOption({ label: 'Built-in static site' });
    const toStatic = page.getByRole('dialog', { name: 'Publish to Built-in static site' });
    await expect(toStatic.getByLabel('Site')).toHaveValue('static');
    await toStatic.getByRole('button', { name: 'Cancel' }).click();
    await expect(toolbar(page).getByRole('button', { name: 'Publish' })).toHaveAttribute(
      'title',
      'Publish to Built-in static site',
    );

    // A scheduled story says when it goes out, and updating it keeps that time.
    await writeStory(page, 'Ferry timetable changes next month');
    await toolbar(page).getByRole('button', { name: 'Publish' }).click();
    const scheduling = page.getByRole('dialog');
    await scheduling.getByRole('radio', { name: 'Schedule' }).check();
    await scheduling.getByLabel('Publish at').fill('2031-05-04T10:30');
    await scheduling.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(scheduling.getByText(/^Scheduled for/)).toBeVisible({ timeout: 20_000 });
    await scheduling.getByRole('button', { name: 'Close' }).click();
    await toolbar(page).getByRole('button', { name: 'Update' }).click();
    const scheduled = page.getByRole('dialog', { name: 'Update to Copydesk Test Site' });
    const when = new Date('2031-05-04T10:30').toLocaleString('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    await expect(scheduled.locator('.publish-scheduled')).toHaveText(`Scheduled for ${when}`);
    await scheduled.getByRole('button', { name: 'Update, keep the time' }).click();
    await expect(scheduled.getByText(/^Updated, still scheduled for 5\/4\/2031, 10:30/)).toBeVisible({
      timeout: 20_000,
    });
  });
});

test('publish to the built-in static site and read the story page', async ({ page, host }) => {
  await page.goto(host.uiUrl);
  await allowUnapproved(page);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'All stories' })
    .click();
  await writeStory(page, 'Quay works to start in spring');
  await toolbar(page).getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to Built-in static site' });
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  const live = dialog.getByRole('link', { name: 'View live page' });
  // The whole site is rendered and swapped in atomically, which takes a while on a loaded machine.
  await expect(live).toHaveAttribute('href', '/site/stories/quay-works-to-start-in-spring.html', {
    timeout: 20_000,
  });

  const story = await page.context().newPage();
  await story.goto(`${host.url}/site/stories/quay-works-to-start-in-spring.html`);
  await expect(story.getByRole('heading', { level: 1 })).toHaveText('Quay works to start in spring');
  await expect(story.locator('.reading-time')).toHaveText('2 min read');
  await expect(story.locator('.byline .credit')).toHaveText('reports Lusa'); // the credit sits beside the byline
  await story.screenshot({ path: `${SHOTS}/static-story-light.png`, fullPage: true });
  await story.emulateMedia({ colorScheme: 'dark' });
  await story.screenshot({ path: `${SHOTS}/static-story-dark.png` });
  await story.getByRole('link', { name: 'Copydesk News' }).click();
  await expect(story.getByRole('heading', { name: 'Latest' })).toBeVisible();
  await expect(story.getByRole('link', { name: 'Quay works to start in spring' })).toBeVisible();
});

test('a job waiting for an unreachable site shows beside Publish after the dialog closes', async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  // A loopback port nobody listens on: the site refuses the connection, so the job waits to try again.
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as AddressInfo;
      server.close(() => resolve(free));
    });
  });
  const target = await host.rpc('targets:save', {
    kind: 'wordpress',
    name: 'Harbour Gazette',
    url: `http://127.0.0.1:${port}`,
    userName: 'editor',
    password: 'abcd efgh ijkl mnop',
  });
  await host.rpc('settings:update', { defaultTargetId: target.id });
  await page.goto(host.uiUrl);
  await allowUnapproved(page);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'All stories' })
    .click();
  await writeStory(page, 'Ferry strike called off');
  await toolbar(page).getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to Harbour Gazette' });
  await dialog.getByRole('button', { name: 'Publish now' }).click();
  await expect(dialog.getByRole('status')).toContainText('Waiting for Harbour Gazette', { timeout: 20_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  const chip = toolbar(page).getByRole('button', { name: 'Waiting to send' });
  await expect(chip).toBeVisible();
  await expect(chip).toHaveAttribute('title', /^Harbour Gazette: .+ Next try at \d/);
  await expect(toolbar(page).getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/publish-waiting-chip.png` });
  await chip.click();
  await expect(dialog.getByRole('status')).toContainText('Waiting for Harbour Gazette');
});
