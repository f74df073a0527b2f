import type { Page } from '@playwright/test';
import { expect, test } from './browserHost';
import { caretBox } from './caretBox';

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });

/** Whether the caret shows between the editor's sticky toolbar and the pane's status bar, under neither. */
async function caretUncovered(page: Page): Promise<boolean> {
  const caret = await caretBox(page);
  const toolbar = (await page.getByRole('toolbar', { name: 'Formatting' }).boundingBox())!;
  const statusBar = (await page.locator('.status-bar').boundingBox())!;
  return caret.top >= toolbar.y + toolbar.height && caret.bottom <= statusBar.y;
}

test('the line being typed is never left under the status bar or the sticky toolbar', async ({
  page,
  host,
}) => {
  const paragraph = (n: number) => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: `Paragraph ${n} of the council's long budget report, which runs on.`.repeat(3) },
    ],
  });
  await host.rpc('stories:create', {
    headline: 'Budget report in full',
    body: { type: 'doc', content: Array.from({ length: 120 }, (_, n) => paragraph(n + 1)) },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Budget report in full/ }).click();
  await body(page).click();

  // At the story's end the caret would sit at the pane's bottom edge, behind the status bar.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The end, typed back to back with no delay between the keys at all.');
  await expect.poll(() => caretUncovered(page)).toBe(true);

  // At the story's start, scrolled so that the caret's line is just under the sticky toolbar: the next key brings it out.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Draft: ');
  await expect.poll(() => caretUncovered(page)).toBe(true);
  const caret = await caretBox(page);
  const toolbar = (await page.getByRole('toolbar', { name: 'Formatting' }).boundingBox())!;
  await page.locator('main.pane').evaluate((pane, by) => pane.scrollBy(0, by), caret.top - toolbar.y - 10);
  expect(await caretUncovered(page)).toBe(false);
  await page.keyboard.type('!');
  await expect.poll(() => caretUncovered(page)).toBe(true);
});
