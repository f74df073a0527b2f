import { screenshotAtBothSizes } from './atBothSizes';
import { seriousViolations } from './axe';
import { expect, test } from './browserHost';

test('an outage shows as a banner while the host is down; when it is back the edits save by themselves and the banner goes', async ({
  page,
  host,
}) => {
  const story = await host.rpc('stories:create', { headline: 'Storm warning' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Storm warning/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Before the outage. ');
  await expect(page.getByRole('status')).toHaveText('Saved');

  await host.stop();
  await page.keyboard.type('Typed while the host was down.');
  const banner = page.getByRole('alert').filter({ hasText: 'Copydesk is not reachable' });
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(banner).toContainText('Your edits are kept in this window');
  await expect(page.getByRole('status')).toHaveText(/^Not saved — retrying/);
  // Retry while it is still down tries, and says it is still down.
  await banner.getByRole('button', { name: 'Retry now' }).click();
  await expect(banner.getByRole('button', { name: 'Retry now' })).toBeEnabled();
  await expect(banner).toBeVisible();
  // Long enough for the save's back-off to pass several seconds: coming back must not wait for it.
  await page.waitForTimeout(7_000);
  await screenshotAtBothSizes(page, 'host-outage-banner');
  expect(await seriousViolations(page, '.host-outage'), 'outage banner').toEqual([]);

  await host.restart({ samePort: true });
  await expect(banner).toBeHidden({ timeout: 6_000 });
  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 4_000 });
  expect(JSON.stringify((await host.rpc('stories:get', { id: story.id })).body)).toContain(
    'Typed while the host was down.',
  );
});
