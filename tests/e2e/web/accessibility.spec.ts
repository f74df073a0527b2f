import AxeBuilder from '@axe-core/playwright';
import { screenshotAtBothSizes } from './atBothSizes';
import { seriousViolations } from './axe';
import { expect, test } from './browserHost';

// Eight axe passes take a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the library, editor, side panels, settings and dialogs (${colorScheme})`, async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ colorScheme });
    await host.rpc('stories:create', {
      headline: 'Harbour bridge reopens',
      standfirst: 'Commuters return.',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cars cross again.' }] }],
      },
    });
    await page.goto(host.uiUrl);
    await expect(page.getByRole('button', { name: /Harbour bridge reopens/ })).toBeVisible();
    expect(await seriousViolations(page), 'library').toEqual([]);

    await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
    await expect(page.getByLabel('Headline')).toHaveValue('Harbour bridge reopens');
    expect(await seriousViolations(page), 'editor').toEqual([]);

    const panels = page.getByRole('group', { name: 'Side panels' });
    for (const panel of ['Comments', 'Changes', 'Activity', 'History']) {
      await panels.getByRole('button', { name: panel }).click();
      await expect(page.getByRole('complementary', { name: panel })).toBeVisible();
      expect(await seriousViolations(page), panel).toEqual([]);
    }
    await panels.getByRole('button', { name: 'History' }).click();

    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await seriousViolations(page, 'dialog'), 'publish dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Approve with problems?' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog'), 'approval dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    expect(await seriousViolations(page), 'settings').toEqual([]);
  });
}

test('the story list is one Tab stop with arrows inside, a skip link leads to the story, and a new story starts in the headline', async ({
  page,
  host,
}) => {
  for (const headline of ['First story', 'Second story', 'Third story'])
    await host.rpc('stories:create', { headline });
  await page.goto(host.uiUrl);
  await expect(page.getByRole('button', { name: /Third story/ })).toBeVisible();

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the story' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Story' })).toBeFocused();

  const rows = page.getByRole('region', { name: 'Stories' }).locator('.story-row');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('tabindex')))).toEqual([
    '0',
    '-1',
    '-1',
  ]);
  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toHaveValue('Second story');
  expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('tabindex')))).toEqual([
    '-1',
    '0',
    '-1',
  ]);
  // Tab from the list leaves it at once instead of walking every row.
  await rows.nth(1).focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('story-row'))).toBe(false);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('');
  await expect(page.getByLabel('Headline')).toBeFocused();
  await page.keyboard.type('Typed straight away');
  await expect(page.getByLabel('Headline')).toHaveValue('Typed straight away');
});

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in any dialog: return, link, image, story pickers, rename, merge and delete a tag (${colorScheme})`, async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ colorScheme });
    await host.rpc('stories:create', { headline: 'Ferry sailings added' });
    const story = await host.rpc('stories:create', {
      headline: 'Harbour bridge reopens',
      body: { type: 'doc', content: [paragraph('Cars cross again.')] },
    });
    await host.rpc('stories:setTags', { id: story.id, tags: ['Econ', 'Economy'] });
    await host.rpc('workflow:transition', {
      storyId: story.id,
      action: 'submit',
      expectedVersion: story.version,
    });
    await page.goto(host.uiUrl);
    await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
    await expect(page.getByLabel('Headline')).toHaveValue('Harbour bridge reopens');

    const dialog = page.getByRole('dialog');
    const check = async (name: string, open: () => Promise<void>) => {
      await open();
      await expect(dialog.getByRole('heading', { name })).toBeVisible();
      expect(await seriousViolations(page, 'dialog[open]'), name).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    };

    await check('Return to the reporter', () =>
      page.getByRole('button', { name: 'Return', exact: true }).click(),
    );
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const body = page.getByRole('textbox', { name: 'Story body' });
    await body.click();
    await check('Link', () => toolbar.getByRole('button', { name: 'Link', exact: true }).click());
    await body.click();
    await check('Insert image', () => toolbar.getByRole('button', { name: 'Image', exact: true }).click());
    await body.click();
    await check('Link story', () => toolbar.getByRole('button', { name: 'Link story' }).click());
    await body.click();
    await check('Also read', () => toolbar.getByRole('button', { name: 'Also read' }).click());

    // The `[[` picker that opens in the text.
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' [[Ferry');
    const popup = page.locator('.story-picker-popup');
    await expect(popup.getByRole('option', { name: /Ferry sailings added/ })).toBeVisible();
    expect(await seriousViolations(page, '.story-picker-popup'), 'inline story picker').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(popup).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tags' }).click();
    const manager = page.getByRole('region', { name: 'Tags' });
    await check('Rename “Econ”', () =>
      manager.getByRole('button', { name: 'Rename Econ', exact: true }).click(),
    );
    await check('Merge “Econ” into…', () =>
      manager.getByRole('button', { name: 'Merge Econ', exact: true }).click(),
    );
    await check('Delete the tag “Econ”?', () =>
      manager.getByRole('button', { name: 'Delete Econ', exact: true }).click(),
    );
  });
}

test('every toolbar button’s name contains the text it shows (axe label-content-name-mismatch)', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Harbour bridge reopens' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar).toBeVisible();
  // An experimental rule, so asked for by name; WCAG 2.5.3 (Label in Name).
  const { violations, passes } = await new AxeBuilder({ page })
    .include('[role="toolbar"]')
    .withRules(['label-content-name-mismatch'])
    .analyze();
  expect(violations.flatMap((v) => v.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  expect(passes.flatMap((p) => p.nodes).length, 'buttons with visible text were checked').toBeGreaterThan(5);
  await expect(toolbar.getByRole('button', { name: 'H2 heading' })).toHaveText('H2');
  await screenshotAtBothSizes(page, 'toolbar-names');
});
