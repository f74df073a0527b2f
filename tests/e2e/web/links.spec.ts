import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, type RunningHost } from './browserHost';

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const saved = (page: Page) => expect(page.getByRole('status')).toHaveText('Saved');
const headline = (page: Page) => page.getByLabel('Headline');
const linksTo = (page: Page) =>
  page.getByRole('region', { name: 'Links' }).getByRole('list', { name: 'Links to' });
const linkedFrom = (page: Page) =>
  page.getByRole('region', { name: 'Links' }).getByRole('list', { name: 'Linked from' });

/** Calls the contract as another window would. */
async function api<T>(
  request: APIRequestContext,
  host: RunningHost,
  channel: string,
  input: unknown,
): Promise<T> {
  const response = await request.post(`${host.url}/rpc/${channel}`, {
    data: input,
    headers: { Authorization: `Bearer ${host.token}` },
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  expect(result.ok, channel).toBe(true);
  return result.value;
}

async function newStory(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await expect(headline(page)).toHaveValue('');
  await headline(page).fill(title);
  await saved(page);
}

test('[[ links a story by headline; the other story shows the backlink; Ctrl+click follows the link', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.uiUrl);
  await newStory(page, 'Storm closes the coast road');
  await newStory(page, 'Ferries cancelled for a second day');

  await body(page).click();
  await page.keyboard.type('Crossings stay shut. See [[coast ro');
  const picker = page.getByRole('listbox', { name: 'Stories to link' });
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option', { selected: true })).toContainText('Storm closes the coast road');
  await page.screenshot({ path: testInfo.outputPath('link-picker.png') });
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await page.keyboard.type(' for details.');

  const link = body(page).locator('a[data-story-id]');
  await expect(link).toHaveText('Storm closes the coast road');
  await expect(body(page).locator('p')).toHaveText(
    'Crossings stay shut. See Storm closes the coast road for details.',
  );
  await saved(page);
  await expect(linksTo(page).getByRole('button')).toHaveText(['Storm closes the coast road']);

  await link.click({ modifiers: ['Control'] });
  await expect(headline(page)).toHaveValue('Storm closes the coast road');
  await expect(linkedFrom(page).getByRole('button')).toHaveText(['Ferries cancelled for a second day']);

  await linkedFrom(page).getByRole('button', { name: 'Ferries cancelled for a second day' }).click();
  await expect(headline(page)).toHaveValue('Ferries cancelled for a second day');
  await expect(body(page).locator('a[data-story-id]')).toHaveText('Storm closes the coast road');
});

test('arrow keys choose among matches, and Escape closes the picker leaving the typed text', async ({
  page,
  host,
  request,
}) => {
  for (const title of ['Budget vote delayed', 'Budget passes the senate', 'Weather warning']) {
    await api(request, host, 'stories:create', { headline: title });
  }
  await page.goto(host.uiUrl);
  await newStory(page, 'Markets react');
  await body(page).click();
  await page.keyboard.type('[[budget');
  const picker = page.getByRole('listbox', { name: 'Stories to link' });
  await expect(picker.getByRole('option')).toHaveCount(2);
  await expect(picker.getByRole('option', { selected: true })).toContainText('Budget passes the senate');
  await page.keyboard.press('ArrowDown');
  await expect(picker.getByRole('option', { selected: true })).toContainText('Budget vote delayed');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expect(body(page)).toHaveText('[[budget');
  await expect(body(page).locator('a')).toHaveCount(0);

  await page.keyboard.press('Backspace');
  await page.keyboard.type('t v');
  await expect(picker).toBeHidden();
  await page.keyboard.type(' [[');
  await expect(picker.getByRole('option')).not.toHaveCount(0);
  await page.keyboard.type('vote');
  await page.keyboard.press('Enter');
  await expect(body(page).locator('a[data-story-id]')).toHaveText('Budget vote delayed');
});

test('the Also read picker inserts a block that follows the linked story’s headline', async ({
  page,
  host,
  request,
}) => {
  const target = await api<{ id: string; version: number }>(request, host, 'stories:create', {
    headline: 'Harbour bridge reopens',
  });
  await page.goto(host.uiUrl);
  await newStory(page, 'Traffic returns to the old town');
  await body(page).click();
  await page.keyboard.type('Queues eased by noon.');

  await page.getByRole('button', { name: 'Also read' }).click();
  const dialog = page.getByRole('dialog', { name: 'Also read' });
  await dialog.getByLabel('Find a story').fill('harbour');
  await expect(dialog.getByRole('option', { selected: true })).toContainText('Harbour bridge reopens');
  await dialog.getByLabel('Find a story').press('Enter');
  await expect(dialog).toBeHidden();

  const block = body(page).locator('aside.also-read');
  await expect(block).toHaveText('ALSO READ: Harbour bridge reopens');
  await saved(page);
  await expect(linksTo(page).getByRole('button')).toHaveText(['Harbour bridge reopens']);
  await expect(linksTo(page).getByRole('listitem')).toContainText('Also read');

  await api(request, host, 'stories:save', {
    id: target.id,
    expectedVersion: target.version,
    changes: { headline: 'Harbour bridge reopens after six months' },
  });
  await expect(block).toHaveText('ALSO READ: Harbour bridge reopens after six months');
  await expect(linksTo(page).getByRole('button')).toHaveText(['Harbour bridge reopens after six months']);

  await block.click({ modifiers: ['Control'] });
  await expect(headline(page)).toHaveValue('Harbour bridge reopens after six months');
  await expect(linkedFrom(page).getByRole('button')).toHaveText(['Traffic returns to the old town']);
});

test('a link to a story that is trashed shows as broken, in the text and in Links to', async ({
  page,
  host,
  request,
}, testInfo) => {
  const target = await api<{ id: string }>(request, host, 'stories:create', { headline: 'Mayor resigns' });
  await api(request, host, 'stories:create', { headline: 'Council meets tonight' });
  await page.goto(host.uiUrl);
  await newStory(page, 'What the resignation means');
  await body(page).click();
  await page.keyboard.type('Background: [[mayor');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' and more.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Link story' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link story' });
  await dialog.getByLabel('Find a story').fill('council');
  await dialog.getByRole('option', { name: /Council meets tonight/ }).click();
  await page.getByRole('button', { name: 'Also read' }).click();
  const alsoRead = page.getByRole('dialog', { name: 'Also read' });
  await alsoRead.getByLabel('Find a story').fill('mayor');
  await alsoRead.getByLabel('Find a story').press('Enter');
  await expect(alsoRead).toBeHidden();
  await expect(body(page).locator('aside.also-read')).toHaveText('ALSO READ: Mayor resigns');
  await saved(page);
  await expect(linksTo(page).getByRole('button')).toHaveText(['Council meets tonight', 'Mayor resigns']);
  await expect(linksTo(page).getByRole('listitem').filter({ hasText: 'Mayor' })).toContainText('Also read');

  const mayorLink = body(page).locator(`a[data-story-id="${target.id}"] [data-link-state]`);
  await expect(mayorLink).toHaveAttribute('data-link-state', 'ok');
  await api(request, host, 'stories:trash', { id: target.id });

  await expect(mayorLink).toHaveAttribute('data-link-state', 'trashed');
  await expect(mayorLink).toHaveAttribute('title', 'Broken link: “Mayor resigns” is in the trash');
  await expect(body(page).locator('aside.also-read')).toHaveAttribute('data-link-state', 'trashed');
  await expect(body(page).locator('aside.also-read')).toContainText('Broken link');
  const broken = linksTo(page).getByRole('listitem').filter({ hasText: 'Mayor resigns' });
  await expect(broken).toContainText('Broken: in trash');
  await expect(linksTo(page).getByRole('listitem').filter({ hasText: 'Council' })).not.toContainText(
    'Broken',
  );

  await page.getByRole('region', { name: 'Links' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('links-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('links-dark.png') });

  await api(request, host, 'stories:restore', { id: target.id });
  await expect(mayorLink).toHaveAttribute('data-link-state', 'ok');
  await expect(broken).not.toContainText('Broken');
});
