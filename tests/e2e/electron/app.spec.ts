import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinary, electronMissingReason } from '../../../main/tools/electronBinary.mjs';
import { tempDir } from '../../support/tempDir';

const executable = electronBinary();
if (!executable) console.log(`electron project skipped: ${electronMissingReason}.`);

test.skip(!executable, `Skipped: ${electronMissingReason}.`);

test('the desktop app opens with the secure bridge and lists stories', async () => {
  const data = tempDir('copydesk-electron-');
  const app = await electron.launch({
    executablePath: executable!,
    args: [join(import.meta.dirname, '..', '..', '..'), '--data', data.path],
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'All stories' })).toBeVisible();
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(
    await window.evaluate(() => Object.keys((window as unknown as { copydesk: object }).copydesk).sort()),
  ).toEqual(['invoke', 'on']);
  await window
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'New story' })
    .click();
  await window.getByLabel('Headline').fill('From the desktop');
  await expect(window.getByRole('status')).toHaveText('Saved');
  await app.close();
  data.remove();
});
