import type { Locator, Page } from '@playwright/test';
import { LAPTOP, screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';
import { seriousViolations } from './axe';
import { caretBox } from './caretBox';

/** Fails unless the whole of `popup` is inside the window. */
async function expectInsideWindow(page: Page, popup: Locator) {
  // Floating UI places the popup again after a resize, a frame or so later.
  await page.evaluate(
    () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))),
  );
  const box = await popup.boundingBox();
  const view = page.viewportSize()!;
  expect(box, 'the popup is on screen').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, 'right edge').toBeLessThanOrEqual(view.width);
  expect(box!.y + box!.height, 'bottom edge').toBeLessThanOrEqual(view.height);
}

test.use({ viewport: LAPTOP });

test('the [[ picker opened on the last line at the bottom-right of a 1024×700 window stays inside it', async ({
  page,
  host,
}) => {
  for (const headline of ['Storm closes the coast road', 'Storm warning for the islands', 'Storm ends'])
    await host.rpc('stories:create', { headline });
  const lines = Array.from({ length: 14 }, (_, i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `Paragraph ${i + 1} of the ferry story.` }],
  }));
  await host.rpc('stories:create', { headline: 'Ferries cancelled', body: { type: 'doc', content: lines } });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Ferries cancelled/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  // On the last paragraph itself: a click's own caret can land after an immediate Ctrl+End (ProseMirror
  // syncs a click's selection a moment later), and the words would go into the middle of the story.
  await body.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Crossings ');
  // Words until the caret is near the right edge of the text column, on the last line.
  const start = await caretBox(page);
  for (let caret = start; caret.bottom === start.bottom && caret.right < LAPTOP.width - 200;) {
    await page.keyboard.type('Crossings ');
    caret = await caretBox(page);
  }
  // The story ends above the window's foot (the panel below it and the status bar); a window only a little
  // taller than the caret puts the caret at its bottom edge, where the picker has no room below it.
  await page.setViewportSize({ width: LAPTOP.width, height: Math.round((await caretBox(page)).bottom + 60) });
  const caret = await caretBox(page);
  expect(caret.bottom, 'the caret is low in the window').toBeGreaterThan(page.viewportSize()!.height - 100);
  expect(caret.right, 'the caret is far right').toBeGreaterThan(LAPTOP.width - 320);

  await page.keyboard.type('[[storm');
  const popup = page.locator('.story-picker-popup');
  await expect(popup.getByRole('option')).toHaveCount(3);
  await expectInsideWindow(page, popup);
  expect(await seriousViolations(page), 'axe with the picker open').toEqual([]);
  await screenshotAtBothSizes(page, 'story-picker-bottom-right');
  // After the screenshots' resizes the caret is below the window's new bottom edge (its column is clipped there):
  // the picker stays inside the window all the same.
  expect((await caretBox(page)).bottom, 'the caret is below the window').toBeGreaterThan(
    page.viewportSize()!.height,
  );
  await expectInsideWindow(page, popup);

  // The window shrinks further under the open picker, narrower too: it is placed again inside the new edges.
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: before.width - 200, height: before.height - 150 });
  await expect(popup.getByRole('option')).toHaveCount(3);
  await expectInsideWindow(page, popup);
  await page.screenshot({ path: 'test-results/screenshots/desk/story-picker-after-shrink.png' });
  await page.setViewportSize(before);
  await popup.getByRole('option', { name: /Storm closes the coast road/ }).click();
  await expect(body.locator('a[data-story-id]')).toHaveText('Storm closes the coast road');
});

test('tag suggestions and the person menu stay inside a 1024×700 window', async ({ page, host }) => {
  await host.rpc('stories:create', { headline: 'Tagged' });
  for (const name of ['Storms', 'Storm surge', 'Storm warnings']) {
    const other = await host.rpc('stories:create', { headline: name });
    await host.rpc('tags:addToStory', { storyId: other.id, name });
  }
  for (const name of ['Ana', 'Ben', 'Cleo', 'Dev'])
    await host.rpc('people:create', { name, role: 'reporter' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /^Tagged/ }).click();
  await page.getByLabel('Tags').fill('storm');
  const suggestions = page.getByRole('listbox', { name: 'Tag suggestions' });
  await expect(suggestions.getByRole('option')).toHaveCount(3);
  await expectInsideWindow(page, suggestions);
  expect(await seriousViolations(page), 'axe with tag suggestions open').toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Switch person' }).click();
  const menu = page.getByRole('group', { name: 'People' });
  await expect(menu.getByRole('button', { name: /Ana/ })).toBeVisible();
  await expectInsideWindow(page, menu);
  expect(await seriousViolations(page), 'axe with the person menu open').toEqual([]);
  const menuBox = (await menu.boundingBox())!;
  const buttonBox = (await page.getByRole('button', { name: 'Switch person' }).boundingBox())!;
  expect(menuBox.y + menuBox.height, 'the menu opens above its button').toBeLessThanOrEqual(buttonBox.y);
  await screenshotAtBothSizes(page, 'person-menu');
});
