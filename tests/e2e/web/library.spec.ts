import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateArchive } from '../../support/archive';
import { expect, test } from './browserHost';

const body = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const storyList = (page: Page) => page.getByRole('region', { name: 'Stories' }).getByRole('listitem');

test('search narrows the list as you type and highlights the matching words', async ({ page, host }) => {
  await host.rpc('stories:create', {
    headline: 'Harbour bridge reopens',
    body: body('Traffic flows.'),
  });
  await host.rpc('stories:create', { headline: 'Harvest festival', body: body('Rice and music.') });
  await host.rpc('stories:create', {
    headline: 'Council agenda',
    body: body('The harbour authority presents its plan.'),
  });
  await page.goto(host.uiUrl);
  await expect(storyList(page)).toHaveCount(3);

  const search = page.getByRole('searchbox', { name: 'Search stories' });
  await search.pressSequentially('har');
  await expect(storyList(page)).toHaveCount(3);
  await search.pressSequentially('b');
  await expect(storyList(page)).toHaveCount(2);
  await expect(storyList(page).first()).toContainText('Harbour bridge reopens');
  await expect(storyList(page).nth(1).locator('mark')).toHaveText('harbour');
  await search.pressSequentially('our bridge');
  await expect(storyList(page)).toHaveCount(1);

  await search.fill('"unbalanced (quote AND *');
  await expect(page.getByText('No stories match.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await search.fill('');
  await expect(storyList(page)).toHaveCount(3);
});

test('arrow keys move through the list and Enter opens a story', async ({ page, host }) => {
  for (const headline of ['First story', 'Second story', 'Third story']) {
    await host.rpc('stories:create', { headline });
  }
  await page.goto(host.uiUrl);
  // The rows load after the page; a key pressed before then has nothing to move to.
  await expect(page.getByRole('button', { name: /First story/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search stories' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /Third story/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /Second story/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toHaveValue('Second story');
  await page.getByRole('button', { name: /Second story/ }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: /Third story/ })).toBeFocused();
});

test('tags are added with autocomplete, removed with Backspace or a click, and stop at their length limit', async ({
  page,
  host,
}) => {
  const tagged = await host.rpc<{ id: string }>('stories:create', { headline: 'Budget day' });
  await host.rpc('stories:setTags', { id: tagged.id, tags: ['Economy', 'Elections'] });
  const story = await host.rpc<{ id: string }>('stories:create', { headline: 'Markets rally' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Markets rally/ }).click();

  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.pressSequentially('eco');
  await expect(page.getByRole('option', { name: 'Economy' })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Elections' })).toHaveCount(0);
  await tags.press('ArrowDown');
  await tags.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag Economy' })).toBeVisible();
  await tags.fill('  Stock   markets ');
  await tags.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove tag Stock markets' })).toBeVisible();
  await tags.fill('ECONOMY');
  await tags.press('Enter');
  await expect
    .poll(() => host.rpc('tags:ofStory', { storyId: story.id }))
    .toEqual(['Economy', 'Stock markets']);

  // The field stops at the contract's limit (60) rather than refuse the tag afterwards.
  await tags.fill('x'.repeat(61));
  await expect(tags).toHaveValue('x'.repeat(60));

  await tags.fill('');
  await tags.press('Backspace');
  await expect(page.getByRole('button', { name: 'Remove tag Stock markets' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove tag Economy' }).click();
  await expect.poll(() => host.rpc('tags:ofStory', { storyId: story.id })).toEqual([]);

  await tags.fill('Climate');
  await tags.press('Enter');
  await expect(page.getByRole('button', { name: /Markets rally/ })).toContainText('Climate');
});

test('the tag manager renames, merges and deletes tags', async ({ page, host }) => {
  const a = await host.rpc<{ id: string }>('stories:create', { headline: 'Alpha' });
  const b = await host.rpc<{ id: string }>('stories:create', { headline: 'Beta' });
  await host.rpc('stories:setTags', { id: a.id, tags: ['Econ', 'Seoul'] });
  await host.rpc('stories:setTags', { id: b.id, tags: ['Economy', 'Seoul'] });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tags' }).click();
  const manager = page.getByRole('region', { name: 'Tags' });
  await expect(manager.getByRole('row', { name: /Seoul/ })).toContainText('2');

  await manager.getByRole('button', { name: 'Rename Seoul', exact: true }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Seoul”' });
  await rename.getByLabel('New name').fill('economy');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename.getByRole('alert')).toContainText('already exists; merge the two instead');
  await rename.getByLabel('New name').fill('Seoul city');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(manager.getByRole('row', { name: /Seoul city/ })).toContainText('2');

  await manager.getByRole('button', { name: 'Merge Econ', exact: true }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Econ” into…' });
  await merge.getByLabel('Merge into').selectOption({ label: 'Economy (1)' });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(manager.getByRole('button', { name: 'Rename Econ', exact: true })).toHaveCount(0);
  await expect(manager.getByRole('row', { name: /Economy/ })).toContainText('2');
  expect(await host.rpc('tags:ofStory', { storyId: a.id })).toEqual(['Economy', 'Seoul city']);
  await page.screenshot({ path: 'test-results/screenshots/tag-manager.png' });

  await manager.getByRole('button', { name: 'Delete Seoul city', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete the tag “Seoul city”?' })
    .getByRole('button', { name: 'Delete tag' })
    .click();
  await expect(manager.getByRole('button', { name: 'Rename Seoul city', exact: true })).toHaveCount(0);
  expect(await host.rpc('tags:ofStory', { storyId: b.id })).toEqual(['Economy']);
});

test('a story left open beside the tag manager follows a rename and does not undo it', async ({
  page,
  host,
}) => {
  const story = await host.rpc<{ id: string }>('stories:create', { headline: 'Floods spread' });
  await host.rpc('stories:setTags', { id: story.id, tags: ['Climate'] });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Floods spread/ }).click();
  await expect(page.getByRole('button', { name: 'Remove tag Climate' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tags' }).click();
  const manager = page.getByRole('region', { name: 'Tags' });
  await manager.getByRole('button', { name: 'Rename Climate', exact: true }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “Climate”' });
  await rename.getByLabel('New name').fill('Environment');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(manager.getByRole('row', { name: /Environment/ })).toContainText('1 story');

  await expect(page.getByRole('button', { name: 'Remove tag Environment' })).toBeVisible();
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('Weather');
  await tags.press('Enter');
  await expect
    .poll(() => host.rpc('tags:ofStory', { storyId: story.id }))
    .toEqual(['Environment', 'Weather']);
  const names = (await host.rpc<{ name: string }[]>('tags:list', {})).map((tag) => tag.name);
  expect(names).toEqual(['Environment', 'Weather']);
  await expect(manager.getByRole('row', { name: /Climate/ })).toHaveCount(0);
});

test('the tag manager reloads its counts when tags change, not on every story save', async ({
  page,
  host,
}) => {
  const story = await host.rpc<{ id: string; version: number }>('stories:create', { headline: 'Alpha' });
  await host.rpc('stories:setTags', { id: story.id, tags: ['Seoul'] });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Tags' }).click();
  const manager = page.getByRole('region', { name: 'Tags' });
  await expect(manager.getByRole('row', { name: /Seoul/ })).toContainText('1 story');

  let listed = 0;
  page.on('request', (request) => {
    if (request.url().includes(`/rpc/${encodeURIComponent('tags:list')}`)) listed++;
  });
  let version = story.version;
  for (const headline of ['Alpha 2', 'Alpha 3', 'Alpha 4']) {
    ({ version } = await host.rpc<{ version: number }>('stories:save', {
      id: story.id,
      expectedVersion: version,
      changes: { headline },
    }));
  }
  await page.waitForTimeout(800);
  expect(listed).toBe(0);

  const other = await host.rpc<{ id: string }>('stories:create', { headline: 'Beta' });
  await host.rpc('tags:addToStory', { storyId: other.id, name: 'seoul' });
  await expect(manager.getByRole('row', { name: /Seoul/ })).toContainText('2 stories');
  expect(listed).toBe(1);
});

test('the command palette jumps to a story and runs actions', async ({ page, host }) => {
  await host.rpc('stories:create', { headline: 'Typhoon nears the coast' });
  // Ready to publish once approved (section and body), so approving asks nothing more.
  const exports = await host.rpc('stories:create', {
    headline: 'Exports rise',
    sectionId: 'world',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Up 4%.' }] }] },
  });
  await host.rpc('workflow:transition', {
    storyId: exports.id,
    action: 'submit',
    expectedVersion: exports.version,
  });
  const editor = await host.rpc('people:current', {});
  await host.rpc('people:create', { name: 'Rita Reporter', role: 'reporter' });
  await host.rpc('people:switch', { id: editor.id });
  await page.goto(host.uiUrl);
  await expect(storyList(page)).toHaveCount(2);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search stories and actions' }).fill('typh');
  await expect(palette.getByRole('option').first()).toContainText('Typhoon nears the coast');
  await page.screenshot({ path: 'test-results/screenshots/command-palette.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toHaveValue('Typhoon nears the coast');

  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('manage tags');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Tags' })).toBeVisible();

  // With a story open, the palette offers the workflow actions its header offers this person, and Publish.
  await page.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('exports');
  await expect(palette.getByRole('option').first()).toContainText('Exports rise');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Headline')).toHaveValue('Exports rise');
  await page.keyboard.press('Control+k');
  const options = palette.getByRole('option');
  for (const offered of ['Approve', 'Return…', 'Back to draft', 'Spike', 'Publish…', 'Go to Review queue']) {
    await expect(options.filter({ hasText: offered })).toHaveCount(1);
  }
  await expect(options.filter({ hasText: 'Submit for review' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Switch person to Rita Reporter' })).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/command-palette-actions.png' });
  await palette.getByRole('combobox').fill('return');
  await page.keyboard.press('Enter');
  const returning = page.getByRole('dialog', { name: 'Return to the reporter' });
  await expect(returning.getByLabel('Note for the reporter')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(returning).toHaveCount(0);

  await page.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('appr');
  await page.keyboard.press('Enter');
  const pane = page.getByRole('main', { name: 'Story' });
  await expect(pane.locator('.status')).toHaveText('Approved');
  expect((await host.rpc('stories:get', { id: exports.id })).status).toBe('approved');

  // Publish opens the toolbar's publish dialog.
  await page.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('publish');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /Publish/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // Switching person from the palette changes what it offers.
  await page.keyboard.press('Control+Shift+P');
  await palette.getByRole('combobox').fill('switch person');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-person')).toContainText('Rita Reporter');
  await page.keyboard.press('Control+Shift+P');
  await expect(options.filter({ hasText: 'Back to draft' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Go to Review queue' })).toHaveCount(0);
  await expect(options.filter({ hasText: 'Publish…' })).toHaveCount(1);
});

test('sections are created, renamed and reordered', async ({ page, host }) => {
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Sections' }).click();
  const manager = page.getByRole('region', { name: 'Sections' });
  await manager.getByLabel('New section').fill('Local news');
  await manager.getByRole('button', { name: 'Add section' }).click();
  await expect(manager.getByRole('listitem').last()).toContainText('Local news');
  await manager.getByRole('button', { name: 'Move Local news up' }).click();
  await expect(manager.getByRole('listitem').nth(-2)).toContainText('Local news');
  await manager.getByRole('button', { name: 'Rename Local news' }).click();
  await page.getByRole('dialog').getByLabel('New name').fill('City');
  await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
  await expect(manager.getByRole('listitem').nth(-2)).toContainText('City');
  const sections = await host.rpc<{ name: string }[]>('sections:list', {});
  expect(sections.map((section) => section.name).slice(-2)).toEqual(['City', 'Opinion']);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the library with a few hundred generated stories, ${colorScheme} theme`, async ({ page, host }) => {
    const db = new Database(join(host.dataDir, 'copydesk.db'));
    db.pragma('foreign_keys = ON');
    generateArchive(db, { count: 300, seed: 3, now: Date.now() });
    db.close();
    await page.emulateMedia({ colorScheme });
    await page.goto(host.uiUrl);
    await expect(storyList(page)).toHaveCount(50);
    await expect(page.getByRole('button', { name: 'Load more' })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/library-archive-${colorScheme}.png` });

    await page.getByRole('searchbox', { name: 'Search stories' }).fill('typhoon warn');
    await expect(storyList(page).first().locator('mark').first()).toBeVisible();
    await page.getByRole('button', { name: /Filters/ }).click();
    await page.getByLabel('Section').selectOption({ label: 'Business' });
    await expect(storyList(page).first()).toContainText('Business');
    await storyList(page).first().getByRole('button').click();
    await expect(page.getByRole('combobox', { name: 'Tags' })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/library-search-${colorScheme}.png` });
  });
}
