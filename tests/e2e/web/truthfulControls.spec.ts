import type { Page } from '@playwright/test';
import { screenshotAtBothSizes } from './atBothSizes';
import { seriousViolations } from './axe';
import { expect, test } from './browserHost';

/** The disabled buttons on the page that look like any other (nearly opaque): each by its name. */
async function liveLookingDisabled(page: Page): Promise<string[]> {
  const disabled = page.locator('button:disabled');
  await expect(disabled.first()).toBeAttached();
  return disabled.evaluateAll((buttons) =>
    buttons
      .filter((button) => Number(getComputedStyle(button).opacity) > 0.6)
      .map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '?'),
  );
}

test('moving a story to the trash offers Undo, and a trashed story has no Publish button', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Harbour bridge reopens' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  const toast = page.locator('.undo-toast');
  await expect(toast).toContainText('“Harbour bridge reopens” moved to the trash.');
  await screenshotAtBothSizes(page, 'trash-undo-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour bridge reopens');
  await expect(page.getByRole('button', { name: 'Move to trash' })).toBeVisible();
  const [listed] = (await host.rpc('library:query', {})).items;
  expect(listed.trashedAt).toBeNull();

  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  await expect(page.getByRole('button', { name: 'Restore from trash' })).toBeVisible();
  await expect(
    page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Publish' }),
  ).toHaveCount(0);
});

test('a disabled button looks disabled, and a tag merge starts on "Choose a tag…"', async ({
  page,
  host,
}) => {
  const a = await host.rpc('stories:create', { headline: 'Alpha' });
  await host.rpc('stories:setTags', { id: a.id, tags: ['Econ', 'Aardvark', 'Economy'] });
  const b = await host.rpc('stories:create', { headline: 'Beta' });
  await host.rpc('stories:setTags', { id: b.id, tags: ['Econ'] });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tags' }).click();
  const manager = page.getByRole('region', { name: 'Tags' });
  // Every action stays inside the library column, even at 1024 px.
  await page.setViewportSize({ width: 1024, height: 700 });
  const column = (await manager.boundingBox())!;
  for (const action of await manager.getByRole('button', { name: /^(Rename|Merge|Delete) / }).all()) {
    const box = (await action.boundingBox())!;
    expect(box.x + box.width, (await action.getAttribute('aria-label')) ?? '').toBeLessThanOrEqual(
      column.x + column.width,
    );
  }
  await manager.getByRole('button', { name: 'Merge Econ', exact: true }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Econ” into…' });
  await expect(merge.getByLabel('Merge into')).toHaveValue('0');
  await expect(merge.getByLabel('Merge into').locator('option:checked')).toHaveText('Choose a tag…');
  const button = merge.getByRole('button', { name: 'Merge' });
  await expect(button).toBeDisabled();
  expect(Number(await button.evaluate((element) => getComputedStyle(element).opacity))).toBeLessThan(0.6);
  await screenshotAtBothSizes(page, 'tag-merge-choose');
  await merge.getByLabel('Merge into').selectOption({ label: 'Economy (1)' });
  await expect(button).toBeEnabled();
  expect(Number(await button.evaluate((element) => getComputedStyle(element).opacity))).toBe(1);

  await button.click();
  const toast = page.locator('.undo-toast');
  await expect(toast).toContainText('“Econ” merged into “Economy”.');
  await expect(manager.getByRole('button', { name: 'Merge Econ', exact: true })).toHaveCount(0);
  await screenshotAtBothSizes(page, 'tag-merge-undo-toast');
  expect(await seriousViolations(page, '.undo-toast'), 'undo toast').toEqual([]);

  // Someone re-tags Beta by hand after the merge; the person leaves the Tags for a story and undoes from there.
  await host.rpc('stories:setTags', { id: b.id, tags: ['Economy', 'Markets'] });
  const library = page.getByRole('navigation', { name: 'Library' });
  await library.getByRole('button', { name: 'All stories' }).click();
  await page.getByRole('button', { name: /^Alpha/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Alpha');
  await expect(toast).toContainText('“Econ” merged into “Economy”.');
  await page.screenshot({ path: 'test-results/screenshots/desk/tag-merge-undo-toast-elsewhere.png' });
  await toast.getByRole('button', { name: 'Undo' }).click();
  // The undo says what it left alone: Beta, re-tagged since.
  await expect(toast).toHaveText(/^Undone; 1 story changed since kept its tags\./);
  await expect(toast).toHaveRole('status');
  await screenshotAtBothSizes(page, 'tag-merge-undone-left-alone');
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  await expect
    .poll(() => host.rpc('tags:ofStory', { storyId: a.id }))
    .toEqual(['Econ', 'Aardvark', 'Economy']);
  expect(await host.rpc('tags:ofStory', { storyId: b.id })).toEqual(['Economy', 'Markets']);
  await library.getByRole('button', { name: 'Tags' }).click();
  await expect(manager.getByRole('button', { name: 'Merge Econ', exact: true })).toBeVisible();
});

test.describe('on the first run', () => {
  test.use({ defaultPerson: null });
  test('"Start" looks disabled until there is a name', async ({ page, host }) => {
    await page.goto(host.uiUrl);
    await expect(page.getByRole('button', { name: 'Start' })).toBeDisabled();
    expect(await liveLookingDisabled(page)).toEqual([]);
  });
});

test('every disabled button looks disabled: sections, publish, editor toolbar, a link to a deleted story', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', {
    headline: 'Harbour bridge reopens',
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ' },
            {
              type: 'text',
              text: 'the old story',
              marks: [{ type: 'storyLink', attrs: { storyId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' } }],
            },
          ],
        },
      ],
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Sections' }).click();
  await expect(page.getByRole('button', { name: / up$/ }).first()).toBeDisabled();
  expect(await liveLookingDisabled(page), 'sections').toEqual([]);

  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'All stories' })
    .click();
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  await expect(
    page.getByRole('region', { name: 'Links' }).getByRole('button', { name: 'A deleted story' }),
  ).toBeDisabled();
  expect(await liveLookingDisabled(page), 'editor').toEqual([]);

  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Publish' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Publish now' })).toBeDisabled();
  expect(await liveLookingDisabled(page), 'publish dialog').toEqual([]);
  await screenshotAtBothSizes(page, 'publish-now-disabled');
});
