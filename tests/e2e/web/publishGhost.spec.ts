import { requireGhost, startGhost, type GhostPeer } from '../../peers/ghost';
import { expect, test } from './browserHost';

const SHOTS = `${process.env.COPYDESK_DIST ? `test-results-${process.env.COPYDESK_DIST}` : 'test-results'}/screenshots`;

test.describe('publishing to Ghost', () => {
  const hasGhost = requireGhost();
  test.skip(!hasGhost, 'Ghost peer unavailable');
  let peer: GhostPeer;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    peer = await startGhost();
  });
  test.afterAll(async () => {
    await peer?.stop();
  });

  test('add a Ghost site in Settings, test the key, publish from the toolbar and open the live post', async ({
    page,
    host,
  }) => {
    test.setTimeout(90_000);
    await page.goto(host.uiUrl);
    await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Stories must be approved by an editor before they are published').uncheck();
    const targets = page.getByRole('region', { name: 'Publish targets' });

    await targets.getByRole('button', { name: 'Add Ghost site' }).click();
    const form = page.getByRole('form', { name: 'Add Ghost site' });
    await form.getByLabel('Site URL').fill(peer.url);
    await form.getByLabel('Admin API key').fill('not-a-key');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('alert')).toContainText('Admin API key of a Ghost custom integration');
    await form.getByLabel('Admin API key').fill(peer.adminKey);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByRole('status')).toHaveText(
      `Connected to ${peer.siteTitle}. This key may publish posts.`,
    );
    await page.screenshot({ path: `${SHOTS}/ghost-settings-test.png` });
    await form.getByRole('button', { name: 'Save target' }).click();

    const site = targets.getByRole('listitem', { name: peer.siteTitle });
    await expect(site).toContainText('Ghost');
    await expect(site).toContainText('••• saved');
    await expect(page.locator('body')).not.toContainText(peer.adminKey.split(':')[1]!);
    await site.getByRole('button', { name: 'Make default' }).click();
    await expect(site).toContainText('Default');
    await page.screenshot({ path: `${SHOTS}/ghost-settings.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SHOTS}/ghost-settings-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });

    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'New story' })
      .click();
    await expect(page.getByLabel('Headline')).toHaveValue('');
    await page.getByLabel('Headline').fill('Ferry timetable changes for winter');
    await page.getByLabel('Standfirst').fill('Fewer sailings from November, the operator says.');
    await page.getByLabel('Section').selectOption({ label: 'Politics' });
    await page.getByRole('textbox', { name: 'Story body' }).click();
    await page.keyboard.insertText(`${'The last ferry will leave at nine in the evening. '.repeat(40)}`);
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Publish' }).click();
    const dialog = page.getByRole('dialog', { name: `Publish to ${peer.siteTitle}` });
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    const live = dialog.getByRole('link', { name: 'View live page' });
    await expect(live).toBeVisible({ timeout: 30_000 });
    const href = await live.getAttribute('href');
    expect(href).toBe(`${peer.url}/ferry-timetable-changes-for-winter/`);
    // Ghost renders the post with its own theme.
    const page2 = await fetch(href!);
    expect(page2.status).toBe(200);
    expect(await page2.text()).toContain('Ferry timetable changes for winter');
  });
});
