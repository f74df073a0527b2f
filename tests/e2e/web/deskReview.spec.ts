import type { Browser, Page } from '@playwright/test';
import { api, joinDesk, removeDir, startDeskProcess, type DeskProcess } from '../../desk/deskKit';
import { screenshotAtBothSizes } from './atBothSizes';
import { expect, startHost, test, type RunningHost } from './browserHost';
import { selectInBody } from './selectInBody';

/**
 * Two machines (two browser hosts, each with its own data folder) and one desk process on loopback:
 * a reporter and an editor review a story through the desk, then work apart while it is down.
 */
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const HEADLINE = 'Harbour wall to be rebuilt';
const FIRST = 'The harbour wall will be rebuilt next spring, the council said.';

let desk: DeskProcess;
let editorHost: RunningHost & { close(): Promise<void> };
let reporterHost: RunningHost & { close(): Promise<void> };
let editor: Page;
let reporter: Page;
let storyId: string;

async function openMachine(browser: Browser, host: RunningHost) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(host.uiUrl);
  return page;
}

const pane = (page: Page) => page.getByRole('main', { name: 'Story' });
const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });

async function openFromLibrary(page: Page) {
  await page.getByRole('button', { name: 'All stories' }).click();
  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: new RegExp(HEADLINE) })
    .click();
  await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE);
}

async function typeAtEnd(page: Page, text: string) {
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
}

test.beforeAll(async ({ browser }) => {
  desk = await startDeskProcess();
  editorHost = await startHost({ name: 'Eda Editor', role: 'editor' });
  reporterHost = await startHost({ name: 'Rey Reporter', role: 'reporter' });
  await editorHost.rpc('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
  const invitation = await editorHost.rpc<{ code: string }>('desk:invite', {
    name: 'Rey Reporter',
    role: 'reporter',
  });
  await reporterHost.rpc('desk:join', { address: desk.url, code: invitation.code });
  editor = await openMachine(browser, editorHost);
  reporter = await openMachine(browser, reporterHost);
  await expect(editor.getByTestId('current-person')).toContainText('Eda Editor');
  await expect(reporter.getByTestId('current-person')).toContainText('Rey Reporter');
});

test.afterAll(async () => {
  await editor?.context().close();
  await reporter?.context().close();
  await editorHost?.close();
  await reporterHost?.close();
  await desk?.stop();
  if (desk) removeDir(desk.dataDir);
});

test('a reporter submits; the editor has it in the review queue within a second, comments and returns it', async () => {
  await editor.getByRole('button', { name: 'Review queue' }).click();
  const queue = editor.getByRole('region', { name: 'Review queue' });

  await reporter
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'New story' })
    .click();
  await reporter.getByLabel('Headline').fill(HEADLINE);
  await typeAtEnd(reporter, FIRST);
  // A story written on a joined machine is the desk's from the start: no "Move to desk" offered.
  await expect(reporter.getByRole('region', { name: 'Not on the desk' })).toHaveCount(0);
  storyId = (await reporterHost.rpc<{ items: { id: string }[] }>('library:query', {})).items[0]!.id;
  await expect.poll(async () => (await reporterHost.rpc('desk:storyState', { storyId })).onDesk).toBe(true);

  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  await expect(pane(reporter).locator('.status')).toHaveText('In review');
  const submittedAt = Date.now();
  const row = queue.getByRole('button', { name: new RegExp(HEADLINE) });
  await expect(row).toBeVisible({ timeout: 1_000 });
  console.log(
    `review queue: the submitted story showed on the editor's machine after ${Date.now() - submittedAt} ms`,
  );
  await expect(row).toContainText('Rey Reporter');
  await screenshotAtBothSizes(editor, 'review-queue');

  await row.click();
  const comments = editor.getByRole('complementary', { name: 'Comments' });
  await expect(comments).toBeVisible();
  await expect(body(editor)).toContainText('next spring');
  await selectInBody(editor, 'next spring');
  await editor.keyboard.press('Control+Alt+m');
  await comments.getByLabel('Comment text').fill('Which month? The budget says March.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('listitem', { name: 'Comment by Eda Editor' })).toBeVisible();
  await expect(editor.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await editor.getByRole('button', { name: 'Return', exact: true }).click();
  await editor.getByLabel('Note for the reporter').fill('Give the month, and who pays.');
  await editor.getByRole('dialog').getByRole('button', { name: 'Return' }).click();
  await expect(pane(editor).locator('.status')).toHaveText('Returned');

  // On the reporter's machine: the return, its note, and the comment on the phrase.
  await expect(pane(reporter).locator('.status')).toHaveText('Returned', { timeout: 5_000 });
  await expect(reporter.getByRole('region', { name: 'Returned with a note' })).toContainText(
    'Give the month, and who pays.',
  );
  // The desk says who returned it.
  await expect(reporter.getByRole('region', { name: 'Returned with a note' })).toContainText(
    'Returned to you by Eda Editor',
  );
  await screenshotAtBothSizes(reporter, 'returned-by-name');
  const toggle = reporter
    .getByRole('group', { name: 'Side panels' })
    .getByRole('button', { name: 'Comments' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const card = reporter
    .getByRole('complementary', { name: 'Comments' })
    .getByRole('listitem', { name: 'Comment by Eda Editor' });
  await expect(card).toContainText('Which month? The budget says March.');
  await expect(card).toContainText('next spring');
});

test('offline work through a restart merges with the editor’s edit and an approval made meanwhile', async () => {
  await desk.stop();
  await typeAtEnd(reporter, ' Work starts in March.');
  await reporterHost.restart({ samePort: true });
  await reporter.reload();
  await openFromLibrary(reporter);
  await expect(body(reporter)).toContainText('Work starts in March.');
  // After the restart, still the editor's note.
  await expect(reporter.getByRole('region', { name: 'Returned with a note' })).toContainText(
    'Give the month',
  );
  await typeAtEnd(reporter, ' The port authority pays.');
  await reporter.getByRole('button', { name: 'Submit for review' }).click();
  const waiting = reporter
    .getByRole('status')
    .filter({ hasText: 'Waiting to reach the desk: Submit for review' });
  await expect(waiting).toBeVisible();
  await screenshotAtBothSizes(reporter, 'waiting-transition');
  // The reporter's machine stays away while the desk comes back and the editor works on the story.
  await reporterHost.stop();

  desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false });
  await editor.reload();
  await openFromLibrary(editor);
  await expect(body(editor)).not.toContainText('March');
  await typeAtEnd(editor, ' Councillors voted 7 to 2.');
  await expect
    .poll(async () => JSON.stringify((await editorHost.rpc('stories:get', { id: storyId })).body))
    .toContain('7 to 2');
  await editor.getByRole('button', { name: 'Approve', exact: true }).click();
  // The story has no section yet: approval says so first.
  await editor.getByRole('dialog').getByRole('button', { name: 'Approve anyway' }).click();
  await expect(pane(editor).locator('.status')).toHaveText('Approved');

  // The reporter's machine comes back: its offline words reach the desk after the approval.
  await reporterHost.restart({ samePort: true });
  await reporter.reload();
  const everyEdit = [
    'next spring',
    'Work starts in March.',
    'The port authority pays.',
    'Councillors voted 7 to 2.',
  ];
  for (const [page, host] of [
    [reporter, reporterHost],
    [editor, editorHost],
  ] as const) {
    await expect
      .poll(async () => JSON.stringify((await host.rpc('stories:get', { id: storyId })).body), {
        timeout: 15_000,
      })
      .toMatch(new RegExp(everyEdit.map((text) => `(?=[\\s\\S]*${text.replace(/\./g, '\\.')})`).join('')));
    await page.reload();
    await openFromLibrary(page);
    for (const text of everyEdit) await expect(body(page)).toContainText(text);
  }
  await expect(
    reporter.getByRole('note').filter({ hasText: 'Work done offline on this machine was merged' }),
  ).toBeVisible();
  // The reporter's waiting submission was based on the story before the editor's approval: refused, shown.
  await expect(
    reporter.getByRole('alert').filter({ hasText: 'The desk refused “Submit for review”' }),
  ).toBeVisible();

  // The approval covered the story without the offline words: changed after approval, not approved.
  const changed = editor.getByRole('region', { name: 'Changed after approval' });
  await expect(changed).toBeVisible({ timeout: 10_000 });
  await expect(pane(editor).locator('.status')).toHaveText('In review');
  await changed.getByRole('button', { name: 'Show changes since approval' }).click();
  const changes = editor.getByRole('complementary', { name: 'Changes' });
  await expect(changes.locator('ins').filter({ hasText: 'March' })).toBeVisible();
  await screenshotAtBothSizes(editor, 'changed-after-approval');
  const preflight = await editorHost.rpc<{ items: { code: string; level: string }[] }>('publish:preflight', {
    storyId,
  });
  expect(preflight.items).toContainEqual(expect.objectContaining({ code: 'not-approved', level: 'blocker' }));
});

test('a reporter trying to approve is refused by the desk: through the app, and by a direct request', async () => {
  await expect(reporter.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await expect(reporter.getByRole('button', { name: 'Switch person' })).toHaveCount(0);
  await expect(reporter.getByText('On the newsroom desk')).toBeVisible();
  // The app asks the desk as the reporter would (the reporter's own machine cannot make itself an editor).
  await expect(reporterHost.rpc('people:switch', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).rejects.toThrow(
    /Rey Reporter’s on the desk/,
  );
  await reporterHost.rpc('desk:transition', { storyId, action: 'approve' });
  await expect(reporter.getByRole('alert').filter({ hasText: 'The desk refused “Approve”' })).toContainText(
    /editor/i,
  );

  const invited = await editorHost.rpc<{ code: string }>('desk:invite', {
    name: 'Rob Reporter',
    role: 'reporter',
  });
  const rob = await joinDesk(desk, invited.code);
  const refused = await api<{ code: string }>(desk, `/api/stories/${storyId}/transitions`, {
    token: rob.token,
    body: { action: 'approve', baseVersion: (await editorHost.rpc('desk:storyState', { storyId })).version },
  });
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('forbidden');
  await expect(pane(editor).locator('.status')).toHaveText('In review');
});
