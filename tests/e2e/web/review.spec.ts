import type { Page } from '@playwright/test';
import { selectInBody } from './selectInBody';
import { expect, test } from './browserHost';

test.use({ defaultPerson: null });

const SHOTS = `${process.env.COPYDESK_DIST ? `test-results-${process.env.COPYDESK_DIST}` : 'test-results'}/screenshots`;

async function switchTo(page: Page, name: string) {
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page
    .getByRole('group', { name: 'People' })
    .getByRole('button', { name: new RegExp(name) })
    .click();
  await expect(page.getByTestId('current-person')).toContainText(name);
}

/** Opens a side panel; it may already be open, as panels stay open while the story changes. */
async function showPanel(page: Page, name: string) {
  const toggle = page.getByRole('group', { name: 'Side panels' }).getByRole('button', { name, exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
}

const HEADLINE = 'Council approves harbour budget';

test('a story goes through review: submit, comment, return, fix, resubmit, diff, approve', async ({
  page,
  host,
}) => {
  await page.goto(host.uiUrl);

  // First run: a reporter says who they are.
  await page.getByLabel('Name').fill('Rita Reporter');
  await page.getByLabel('Role').selectOption('reporter');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('current-person')).toContainText('Rita Reporter');
  await expect(page.getByRole('button', { name: 'Review queue' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill(HEADLINE);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('The council approved the budget on Tuesday after a long debate.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const pane = page.getByRole('main', { name: 'Story' });
  await expect(pane.locator('.status')).toHaveText('In review');
  await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);

  // An editor joins the desk and opens the story from the review queue, in review mode.
  await page.getByRole('button', { name: 'Switch person' }).click();
  await page.getByRole('button', { name: '+ Someone new' }).click();
  await page.getByRole('group', { name: 'People' }).getByLabel('Name').fill('Ed Editor');
  await page.getByRole('group', { name: 'People' }).getByLabel('Role').selectOption('editor');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByTestId('current-person')).toContainText('Ed Editor');
  await page.getByRole('button', { name: 'Review queue' }).click();
  const queue = page.getByRole('region', { name: 'Review queue' });
  await expect(queue.getByRole('button', { name: new RegExp(HEADLINE) })).toContainText('Rita Reporter');
  await expect(queue.getByRole('button', { name: new RegExp(HEADLINE) })).toContainText('11 words');
  await queue.getByRole('button', { name: new RegExp(HEADLINE) }).click();
  const comments = page.getByRole('complementary', { name: 'Comments' });
  await expect(comments).toBeVisible();

  // Comment on a phrase with the keyboard shortcut.
  await selectInBody(page, 'after a long debate');
  await expect(page.getByRole('button', { name: 'Comment', exact: true })).toBeEnabled();
  await page.keyboard.press('Control+Alt+m');
  await comments.getByLabel('Comment text').fill('Which debate? Name who spoke.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('listitem', { name: 'Comment by Ed Editor' })).toContainText(
    'Which debate?',
  );
  await expect(body.locator('span[data-comment-id]')).toHaveText('after a long debate');
  await expect(page.getByRole('status')).toHaveText('Saved');

  // Clicking the comment selects its text.
  await page.getByRole('button', { name: 'Switch person' }).focus();
  await comments.getByRole('button', { name: /after a long debate/ }).click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('after a long debate');
  // …and putting the cursor in the text picks out its comment.
  await body.getByText('The council approved').click();
  await expect(comments.getByRole('listitem').first()).not.toHaveClass(/comment-active/);
  await body.locator('span[data-comment-id]').click();
  await expect(comments.getByRole('listitem').first()).toHaveClass(/comment-active/);
  await page.screenshot({ path: `${SHOTS}/review-mode.png` });

  await page.getByRole('button', { name: 'Return', exact: true }).click();
  await page.getByLabel('Note for the reporter').fill('Please name the councillors who spoke.');
  await page.getByRole('dialog').getByRole('button', { name: 'Return' }).click();
  await expect(pane.locator('.status')).toHaveText('Returned');

  // The reporter sees the note and the comment, edits, resolves and resubmits.
  await switchTo(page, 'Rita Reporter');
  await page.getByRole('button', { name: 'All stories' }).click();
  const row = page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: new RegExp(HEADLINE) });
  await expect(row.locator('.status')).toHaveText('Returned to you');
  await row.click();
  const returnedNote = page.getByRole('region', { name: 'Returned with a note' });
  await expect(returnedNote).toContainText('Please name the councillors who spoke.');
  // Back in draft, the note stays until the story is resubmitted.
  await page.getByRole('button', { name: 'Back to draft' }).click();
  await expect(pane.locator('.status')).toHaveText('Draft');
  await expect(returnedNote).toContainText('Returned to you by Ed Editor');
  await expect(returnedNote).toContainText('Please name the councillors who spoke.');
  await showPanel(page, 'Comments');
  const card = comments.getByRole('listitem', { name: 'Comment by Ed Editor' });
  await expect(card).toContainText('Which debate? Name who spoke.');
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Councillors Park and Lee spoke against it.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await card.getByLabel('Reply').fill('Added both names.');
  await card.getByRole('button', { name: 'Send' }).click();
  await expect(card).toContainText('Added both names.');
  await card.getByRole('button', { name: 'Resolve' }).click();
  await expect(card.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(pane.locator('.status')).toHaveText('In review');
  await expect(returnedNote).toHaveCount(0);

  // The editor comments on the fix (which saves the body), and still sees everything that changed since
  // the submission they returned, then approves.
  await switchTo(page, 'Ed Editor');
  await page.getByRole('button', { name: 'Review queue' }).click();
  await queue.getByRole('button', { name: new RegExp(HEADLINE) }).click();
  await expect(comments).toBeVisible();
  await selectInBody(page, 'Park and Lee');
  await page.keyboard.press('Control+Alt+m');
  await comments.getByLabel('Comment text').fill('Full names, please.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(body.locator('span[data-comment-id]').last()).toHaveText('Park and Lee');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Changes' }).click();
  const changes = page.getByRole('complementary', { name: 'Changes' });
  await expect(changes.locator('ins')).toHaveText('Councillors Park and Lee spoke against it.');
  await expect(changes.getByTestId('diff-summary')).toContainText('+7 words');
  await expect(changes.locator('del')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/review-diff.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/review-diff-dark.png` });
  await page.getByRole('button', { name: 'Comments' }).click();
  await page.screenshot({ path: `${SHOTS}/review-mode-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  // Approval first says what would still block publishing (this story has no section).
  const check = page.getByRole('dialog', { name: 'Approve with problems?' });
  await expect(check).toContainText('Choose a section.');
  await check.getByRole('button', { name: 'Approve anyway' }).click();
  await expect(pane.locator('.status')).toHaveText('Approved');
  await page.getByRole('button', { name: 'Activity' }).click();
  const activity = page.getByRole('complementary', { name: 'Activity' });
  await expect(activity.getByRole('listitem').first()).toContainText('Ed Editor approved');
  await expect(activity).toContainText(
    'Ed Editor returned to the reporter: Please name the councillors who spoke.',
  );
  await expect(activity).toContainText('Rita Reporter resolved a comment');
  await page.screenshot({ path: `${SHOTS}/review-activity.png` });
  await expect(queue.getByRole('button', { name: new RegExp(HEADLINE) })).toHaveCount(0);
});

test('first run asks for a name and role; a reporter cannot see the queue', async ({ page, host }) => {
  await page.goto(host.uiUrl);
  await expect(page.getByRole('button', { name: 'Start' })).toBeDisabled();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SHOTS}/first-run-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('heading', { name: 'All stories' })).toHaveCount(0);
  await page.getByLabel('Name').fill('Nia');
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('heading', { name: 'All stories' })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('current-person')).toContainText('Nia');
  await expect(page.getByTestId('current-person')).toContainText('Reporter');
});

test('switching person in one window switches every window of the desk', async ({ page, context, host }) => {
  await host.rpc('people:create', { name: 'Rita Reporter', role: 'reporter' });
  await host.rpc('people:create', { name: 'Ed Editor', role: 'editor' });
  await page.goto(host.uiUrl);
  const other = await context.newPage();
  await other.goto(host.uiUrl);
  await expect(other.getByTestId('current-person')).toContainText('Ed Editor');
  await expect(other.getByRole('button', { name: 'Review queue' })).toBeVisible();

  await switchTo(page, 'Rita Reporter');
  await expect(other.getByTestId('current-person')).toContainText('Rita Reporter');
  // The other window offers what the core now allows: a reporter has no review queue.
  await expect(other.getByRole('button', { name: 'Review queue' })).toHaveCount(0);
});

test('a revision is restored from the comparison', async ({ page, host }) => {
  await host.rpc('people:create', { name: 'Ed Editor', role: 'editor' });
  const created = await host.rpc('stories:create', {
    headline: 'Ferry fares',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Fares rise.' }] }] },
  });
  const submitted = await host.rpc('workflow:transition', {
    storyId: created.id,
    action: 'submit',
    expectedVersion: created.version,
  });
  const edited = 'Fares rise by a tenth from May.';
  await host.rpc('stories:save', {
    id: created.id,
    expectedVersion: submitted.version,
    changes: {
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: edited }] }] },
    },
  });
  const submission = (await host.rpc('workflow:history', { storyId: created.id }))[0].revision;

  await page.goto(host.uiUrl);
  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /Ferry fares/ })
    .click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await expect(body).toHaveText(edited);
  await page.getByRole('button', { name: 'Changes' }).click();
  const changes = page.getByRole('complementary', { name: 'Changes' });
  await expect(changes.getByRole('combobox', { name: /^From/ })).toHaveValue(String(submission));
  await expect(changes.locator('ins')).toContainText('by a tenth from May');
  await changes.getByRole('button', { name: `Restore revision ${submission}` }).click();

  await expect(body).toHaveText('Fares rise.');
  // The restore is a revision of its own, now the comparison's "To", with nothing left to show.
  await expect(changes.getByRole('combobox', { name: /^To/ }).locator('option:checked')).toContainText(
    'Restored',
  );
  await expect(changes.locator('ins')).toHaveCount(0);
  await expect(changes.locator('del')).toHaveCount(0);
  const [newest] = await host.rpc('revisions:list', { storyId: created.id });
  expect(newest.reason).toBe('restore');
  expect((await host.rpc('stories:get', { id: created.id })).body.content[0].content[0].text).toBe(
    'Fares rise.',
  );
});
