import type { Page } from '@playwright/test';
import { removeDir, startDeskProcess } from '../../desk/deskKit';
import { DESKTOP, LAPTOP, screenshotAtBothSizes } from './atBothSizes';
import { expect, startHost, test, type RunningHost } from './browserHost';
import { seriousViolations } from './axe';
import { cutOff } from './cutOff';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function openLongStory(page: Page, host: RunningHost) {
  await host.rpc('stories:create', {
    headline: 'Harbour bridge reopens after six months of repairs',
    standfirst: 'Commuters return to the crossing as the city counts the cost.',
    byline: 'By Mina Park',
    body: {
      type: 'doc',
      content: Array.from({ length: 6 }, (_, n) =>
        paragraph(
          `Paragraph ${n + 1}: the harbour bridge carried its first cars since March on Monday morning.`,
        ),
      ),
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue(/Harbour bridge/);
}

const bodyWidth = (page: Page) =>
  page
    .getByRole('textbox', { name: 'Story body' })
    .evaluate((element) => element.getBoundingClientRect().width);

test('on a 1024×700 laptop one side panel at a time leaves the body readable and the header on one row', async ({
  page,
  host,
}) => {
  await page.setViewportSize(LAPTOP);
  await openLongStory(page, host);
  const panels = page.getByRole('group', { name: 'Side panels' });
  const header = page.locator('.pane-toolbar');

  const headerBox = (await header.boundingBox())!;
  expect(headerBox.height).toBeLessThan(60);
  expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(LAPTOP.width);
  const trash = (await page.getByRole('button', { name: 'Move to trash' }).boundingBox())!;
  expect(trash.x + trash.width).toBeLessThanOrEqual(LAPTOP.width);
  expect(trash.y).toBeLessThan(headerBox.y + headerBox.height);
  // Spike and the trash sit together, apart from the workflow step.
  const kill = page.getByRole('group', { name: 'Kill' });
  await expect(kill.getByRole('button', { name: 'Spike' })).toBeVisible();
  await expect(kill.getByRole('button', { name: 'Move to trash' })).toBeVisible();

  await panels.getByRole('button', { name: 'Comments' }).click();
  await expect(page.getByRole('complementary', { name: 'Comments' })).toBeVisible();
  // The library column folds away while the panel needs the room.
  await expect(page.getByRole('region', { name: 'Stories' })).toBeHidden();
  expect(await bodyWidth(page)).toBeGreaterThan(400);
  await screenshotAtBothSizes(page, 'laptop-comments');
  await page.setViewportSize(LAPTOP);

  await panels.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('complementary')).toHaveCount(1);
  await expect(page.getByRole('complementary', { name: 'History' })).toBeVisible();
  await panels.getByRole('button', { name: 'Changes' }).click();
  await expect(page.getByRole('complementary')).toHaveCount(1);
  expect(await bodyWidth(page)).toBeGreaterThan(400);
  await screenshotAtBothSizes(page, 'laptop-changes');

  await panels.getByRole('button', { name: 'Changes' }).click();
  await expect(page.getByRole('complementary')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Stories' })).toBeVisible();
});

test('at 1440×900 and 1024×700, with the list shown, no header button or formatting tool is cut off at the right', async ({
  page,
  host,
}) => {
  await openLongStory(page, host);
  for (const size of [DESKTOP, LAPTOP]) {
    await page.setViewportSize(size);
    await expect(page.getByRole('region', { name: 'Stories' })).toBeVisible();
    const header = (await page.locator('.pane-toolbar').boundingBox())!;
    expect(header.height, `header on one row at ${size.width}`).toBeLessThan(60);
    expect(await cutOff(page), `buttons cut off at ${size.width}`).toEqual([]);
  }
  await screenshotAtBothSizes(page, 'header-and-toolbar');
});

test('at 1440×900 a side panel also folds the list away: the body keeps a readable column and the toolbar at most two rows', async ({
  page,
  host,
}) => {
  await openLongStory(page, host);
  const panels = page.getByRole('group', { name: 'Side panels' });
  for (const panel of ['Comments', 'History']) {
    await panels.getByRole('button', { name: panel }).click();
    await expect(page.getByRole('complementary', { name: panel })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Stories' })).toBeHidden();
    expect(await bodyWidth(page), `body beside ${panel}`).toBeGreaterThan(600);
    const toolbar = (await page.locator('.toolbar').boundingBox())!;
    expect(toolbar.height, `toolbar rows beside ${panel}`).toBeLessThan(80);
    expect(await cutOff(page), `cut off beside ${panel}`).toEqual([]);
  }
  await page.screenshot({ path: 'test-results/screenshots/desk/desktop-history-panel-1440.png' });
  await panels.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'Stories' })).toBeVisible();
});

test('a panel takes focus when it opens; Escape closes it and gives focus back to its button', async ({
  page,
  host,
}) => {
  await openLongStory(page, host);
  const history = page.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'History' });
  await history.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'History' });
  await expect(panel.getByRole('heading', { name: 'History' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(history).toBeFocused();

  await history.click();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  await expect(history).toBeFocused();
});

test('the library list folds away and comes back, and Escape closes the person menu', async ({
  page,
  host,
}) => {
  await openLongStory(page, host);
  const nav = page.getByRole('navigation', { name: 'Library' });
  await nav.getByRole('button', { name: 'Hide list' }).click();
  await expect(page.getByRole('region', { name: 'Stories' })).toBeHidden();
  expect(await bodyWidth(page)).toBeGreaterThan(700);
  await screenshotAtBothSizes(page, 'list-folded');
  await nav.getByRole('button', { name: 'Show list' }).click();
  await expect(page.getByRole('region', { name: 'Stories' })).toBeVisible();

  const switcher = nav.getByRole('button', { name: 'Switch person' });
  await switcher.click();
  await expect(page.getByRole('group', { name: 'People' })).toBeVisible();
  await page.getByRole('group', { name: 'People' }).getByRole('button', { name: '+ Someone new' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'People' })).toBeHidden();
  await expect(switcher).toBeFocused();
});

test('a desk story’s header at 1024×700 keeps every button on screen with someone else on the story and a transition waiting', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const desk = await startDeskProcess();
  const editorHost = await startHost({ name: 'Eda Editor', role: 'editor' });
  const reporterHost = await startHost({ name: 'Rey Reporter', role: 'reporter' });
  const context = await browser.newContext({ viewport: LAPTOP });
  try {
    await editorHost.rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
    const invitation = await editorHost.rpc<{ code: string }>('desk:invite', {
      name: 'Rey Reporter',
      role: 'reporter',
    });
    await reporterHost.rpc('desk:join', { address: desk.url, code: invitation.code });
    const story = await reporterHost.rpc<{ id: string }>('stories:create', {
      headline: 'Harbour bridge reopens after six months of repairs',
      body: { type: 'doc', content: [paragraph('The harbour bridge carried its first cars on Monday.')] },
    });
    await expect
      .poll(
        () =>
          editorHost.rpc('stories:get', { id: story.id }).then(
            () => true,
            () => false,
          ),
        {
          timeout: 10_000,
        },
      )
      .toBe(true);
    const [editor, reporter] = [await context.newPage(), await context.newPage()];
    for (const [page, host] of [
      [editor, editorHost],
      [reporter, reporterHost],
    ] as const) {
      await page.goto(host.uiUrl);
      await page
        .getByRole('button', { name: /Harbour bridge reopens/ })
        .first()
        .click();
      await expect(page.getByRole('textbox', { name: 'Story body' })).toContainText('first cars');
    }
    for (const [page, other] of [
      [editor, 'Rey Reporter'],
      [reporter, 'Eda Editor'],
    ] as const) {
      await expect(page.getByRole('list', { name: 'Also on this story' })).toContainText(other);
      await expect(page.getByRole('region', { name: 'Stories' })).toBeVisible();
      await page.screenshot({
        path: `test-results/screenshots/desk/desk-header-presence-${page === editor ? 'editor' : 'reporter'}-1024.png`,
      });
      expect(await cutOff(page), `cut off with ${other} on the story`).toEqual([]);
    }

    // The desk goes away: the submit waits in the outbox, shown in the header.
    await desk.stop();
    await reporter.getByRole('button', { name: 'Submit for review' }).click();
    await expect(reporter.getByRole('status').filter({ hasText: 'Waiting to reach the desk' })).toBeVisible();
    expect(await cutOff(reporter), 'cut off with a transition waiting').toEqual([]);
    expect(await seriousViolations(reporter), 'axe over the crowded header').toEqual([]);
    await screenshotAtBothSizes(reporter, 'desk-header-waiting');
  } finally {
    await context.close();
    await Promise.all([editorHost.close(), reporterHost.close()]);
    await desk.stop();
    removeDir(desk.dataDir);
  }
});
