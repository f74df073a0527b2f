import { removeDir, startDeskProcess, type DeskProcess } from '../../desk/deskKit';
import { screenshotAtBothSizes } from './atBothSizes';
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
  test.slow(); // the people list follows the desk's every few seconds
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

  // Who is on the desk; the editor removes the reporter (asked twice), and the desk refuses their token at once.
  const people = section.getByRole('region', { name: 'People on the desk' });
  const rey = people.getByRole('listitem', { name: 'Rey Reporter' });
  await expect(rey).toBeVisible({ timeout: 15_000 });
  await expect(people.getByRole('listitem', { name: 'Eda Editor' }).getByRole('button')).toHaveCount(0);
  await rey.getByRole('button', { name: 'Remove…' }).click();
  await expect(rey).toContainText('Remove Rey Reporter from the desk?');
  await screenshotAtBothSizes(page, 'desk-people-remove', () => rey.scrollIntoViewIfNeeded());
  await rey.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(rey).toHaveCount(0);
  const { token } = (await joined.json()) as { token: string };
  const refused = await fetch(`${desk.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status).toBe(401);
});

test('stories written before joining stay on this machine until moved: one from its header, the rest from Settings', async ({
  page,
  host,
}) => {
  const before = await host.rpc<{ id: string }>('stories:create', { headline: 'Ferry timetable changes' });
  const other = await host.rpc<{ id: string }>('stories:create', { headline: 'School roof repaired' });
  await host.rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
  await page.goto(host.uiUrl);
  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /Ferry timetable changes/ })
    .click();
  const notice = page.getByRole('region', { name: 'Not on the desk' });
  await expect(notice).toContainText('only on this machine');
  await notice.getByRole('button', { name: 'Move to desk' }).click();
  await expect(notice).toHaveCount(0);
  expect((await host.rpc('desk:storyState', { storyId: before.id })).onDesk).toBe(true);
  expect((await host.rpc('desk:storyState', { storyId: other.id })).onDesk).toBe(false);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Newsroom desk' });
  await section.getByRole('button', { name: 'Move all my stories to the desk' }).click();
  await expect(section.getByRole('status')).toHaveText('1 story moved to the desk.');
  expect((await host.rpc('desk:storyState', { storyId: other.id })).onDesk).toBe(true);
  await section.getByRole('button', { name: 'Move all my stories to the desk' }).click();
  await expect(section.getByRole('status')).toHaveText('Every story here is on the desk already.');
});
