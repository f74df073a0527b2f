import { expect, test } from './browserHost';

test('Publish says why when the pre-flight check cannot be had', async ({ page, host }) => {
  await host.rpc('stories:create', { headline: 'Harbour fees rise', sectionId: 'business' });
  // The host is unreachable for this one call (as when it stops at the wrong moment); everything else answers.
  await page.route('**/rpc/publish%3Apreflight', (route) => route.abort('connectionrefused'));
  await page.goto(host.uiUrl);
  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /^Harbour fees rise/ })
    .click();
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour fees rise');

  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Publish', exact: true }).click();
  const alert = toolbar.getByRole('alert');
  await expect(alert).toContainText('Cannot check this story for publishing');
  await expect(alert).toContainText('not reachable');
  await page.screenshot({
    path: `test-results-${process.env.COPYDESK_DIST ?? 'dist'}/publish-preflight-failed.png`,
  });

  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
});
