import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';

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
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tags' }).click();
  const manager = page.getByRole('region', { name: 'Tags' });
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
});
