import type { Page } from '@playwright/test';
import { expect, test } from './browserHost';

// A 5 MB paste from Word (markup-heavy, with hostile bits an export or a web page may carry) must leave the
// editor answering keys and the store whole: the pasted text and what is typed after it are saved, nothing runs.

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const PARAGRAPHS = 20_000;

test('a 5 MB hostile paste leaves the editor responsive and is stored cleaned', async ({ page, host }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Council minutes in full');
  await body(page).click();

  const bytes = await page.evaluate((count) => {
    const hostile =
      '<img src=x onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const parts: string[] = [];
    for (let n = 0; n < count; n++)
      parts.push(
        `<p class="MsoNormal" style="margin:0cm;line-height:115%;font-family:Calibri,sans-serif">` +
          `<span lang="EN-GB" style="font-size:11.0pt;mso-bidi-font-family:Arial">Paragraph ${n} of the ` +
          `council minutes, as exported from the clerk's word processor.</span>${n % 500 === 0 ? hostile : ''}</p>`,
      );
    const html = `<html><body>${parts.join('\n')}</body></html>`;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    const editor = document.querySelector('[aria-label="Story body"]')!;
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    return html.length;
  }, PARAGRAPHS);
  expect(bytes).toBeGreaterThan(5_000_000);

  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' The end.');
  await expect(body(page).locator('p').last()).toContainText('The end.', { timeout: 60_000 });
  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 60_000 });

  const [row] = (await host.rpc('library:query', { search: 'council minutes' })).items;
  const stored = await host.rpc('stories:get', { id: row.id });
  const json = JSON.stringify(stored.body);
  expect(stored.wordCount).toBeGreaterThan(PARAGRAPHS * 10);
  expect(json).toContain('The end.');
  expect(json).not.toMatch(/onerror|<script|javascript:/i);
  expect(dialogs).toEqual([]);
});
