import { expect, test } from './browserHost';

test('a story created while the event stream was down is in the list once it reconnects', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Before the break' });
  await page.goto(host.uiUrl);
  await expect(page.getByRole('button', { name: /Before the break/ })).toBeVisible();

  // The page cannot reopen its event stream until the route is lifted, so the create below sends it nothing.
  await page.route('**/events', (route) => route.abort());
  await host.restart({ samePort: true });
  await host.rpc('stories:create', { headline: 'Filed during the break' });
  await page.waitForTimeout(2500);
  await expect(page.getByRole('button', { name: /Filed during the break/ })).toHaveCount(0);

  await page.unroute('**/events');
  await expect(page.getByRole('button', { name: /Filed during the break/ })).toBeVisible({ timeout: 10_000 });
});
