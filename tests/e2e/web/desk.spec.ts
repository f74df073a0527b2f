import { removeDir, startDeskProcess, type DeskProcess } from '../../desk/deskKit';
import { seriousViolations } from './axe';
import { expect, test } from './browserHost';

const SHOTS = `${process.env.COPYDESK_DIST ? `test-results-${process.env.COPYDESK_DIST}` : 'test-results'}/screenshots`;

let desk: DeskProcess;
test.beforeEach(async () => {
  desk = await startDeskProcess();
});
test.afterEach(async () => {
  await desk.stop();
  removeDir(desk.dataDir);
});

test('Settings ▸ Newsroom desk: join with the first invitation, then invite a reporter (code shown once)', async ({
  page,
  host,
}) => {
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Newsroom desk' });
  await section.getByLabel('Desk address').fill(desk.url);
  await section.getByLabel('Invitation code').fill('WRONG-CODE0-00000-00000');
  await section.getByRole('button', { name: 'Join desk' }).click();
  await expect(section.getByRole('alert')).toContainText('not valid');

  await section.getByLabel('Invitation code').fill(desk.firstInvitation!);
  await section.getByLabel('Your name (optional)').fill('Eda Editor');
  await section.getByRole('button', { name: 'Join desk' }).click();
  await expect(section).toContainText(`Joined ${desk.url} as Eda Editor (editor)`);
  const invite = section.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('Name').fill('Rey Reporter');
  await invite.getByLabel('Role').selectOption('reporter');
  await invite.getByRole('button', { name: 'Create invitation' }).click();
  const shown = invite.getByRole('status');
  await expect(shown).toContainText(/Invitation for Rey Reporter \(reporter\): [A-Z0-9]{5}-/);
  expect(await seriousViolations(page, 'form[aria-label="Invite someone"]'), 'invite someone').toEqual([]);
  await section.screenshot({ path: `${SHOTS}/desk-settings.png` });

  const code = /: ([A-Z0-9-]{23})/.exec((await shown.textContent()) ?? '')![1]!;
  const joined = await fetch(`${desk.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  expect(joined.status).toBe(200);
});
