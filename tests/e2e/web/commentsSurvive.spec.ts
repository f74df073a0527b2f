import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';
import { selectInBody } from './selectInBody';
import { seriousViolations } from './axe';

test('restoring a story from the trash sends no save at an old version: no false "changed in another window", and the list keeps opening stories', async ({
  page,
  host,
}) => {
  const other = await host.rpc('stories:create', { headline: 'Ferry timetable' });
  const story = await host.rpc('stories:create', {
    headline: 'Harbour bridge reopens',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Cars cross again.' }] }],
    },
  });
  await host.rpc('stories:trash', { id: story.id });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Trash' }).click();
  await page.getByRole('button', { name: /Harbour bridge reopens/ }).click();
  await page.getByRole('button', { name: 'Restore from trash' }).click();
  await expect(page.getByRole('button', { name: 'Move to trash' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.waitForTimeout(1500); // an autosave would have been sent by now
  await expect(page.getByText('changed in another window')).toHaveCount(0);
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Buses too.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(JSON.stringify((await host.rpc('stories:get', { id: story.id })).body)).toContain(
    'Cars cross again. Buses too.',
  );
  await screenshotAtBothSizes(page, 'restored-from-trash');

  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: 'All stories' })
    .click();
  await page.getByRole('button', { name: /Ferry timetable/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue(other.headline);
});

test('Ctrl+Enter posts a comment, Escape ends the draft without closing the panel, and resolved comments can be hidden', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', {
    headline: 'Council budget',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The vote was close.' }] }],
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Council budget/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+Alt+m');
  const comments = page.getByRole('complementary', { name: 'Comments' });
  await comments.getByLabel('Comment text').fill('How close?');
  await page.keyboard.press('Control+Enter');
  await expect(comments.getByRole('listitem', { name: 'Comment by Test Editor' })).toContainText(
    'How close?',
  );

  await body.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+Alt+m');
  await expect(comments.getByLabel('Comment text')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(comments.getByLabel('Comment text')).toHaveCount(0);
  await expect(comments).toBeVisible();

  // Resolved comments can be hidden, and shown again.
  const card = comments.getByRole('listitem', { name: 'Comment by Test Editor' });
  await card.getByRole('button', { name: 'Resolve' }).click();
  await comments.getByLabel('Hide resolved (1)').check();
  await expect(card).toHaveCount(0);
  await comments.getByLabel('Hide resolved (1)').uncheck();
  await expect(card).toContainText('How close?');
});

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

test('after History ▸ Restore, comments whose text the restored version still has stay anchored to it; the one whose text is gone is Orphaned', async ({
  page,
  host,
}) => {
  const story = await host.rpc('stories:create', {
    headline: 'Rates decision',
    body: paragraphs('Rates will rise sharply.', 'Banks wait.'),
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Rates decision/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The Fed said so.');
  await expect(page.getByRole('status')).toHaveText('Saved');

  const comments = page.getByRole('complementary', { name: 'Comments' });
  for (const [phrase, text] of [
    ['rise sharply', 'How sharply?'],
    ['Banks', 'Which banks?'],
    ['Fed', 'Source?'],
  ] as const) {
    await selectInBody(page, phrase);
    await page.keyboard.press('Control+Alt+m');
    await comments.getByLabel('Comment text').fill(text);
    await page.keyboard.press('Control+Enter');
    await expect(comments.getByText(text)).toBeVisible();
  }
  await expect(page.getByRole('status')).toHaveText('Saved');
  // Each comment on its own phrase, though the next was begun before the core answered the one before.
  await expect(body.locator('span[data-comment-id]')).toHaveText(['rise sharply', 'Banks', 'Fed']);

  await page.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('complementary', { name: 'History' });
  await history.getByRole('button', { name: /#1\b/ }).click();
  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(body).toHaveText('Rates will rise sharply.Banks wait.');
  await expect(page.getByRole('status')).toHaveText('Saved');

  await page.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'Comments' }).click();
  const card = (text: string) => comments.getByRole('listitem').filter({ hasText: text });
  await expect(card('How sharply?')).toBeVisible();
  await expect(card('How sharply?').getByText('Orphaned')).toHaveCount(0);
  await expect(card('Which banks?').getByText('Orphaned')).toHaveCount(0);
  await expect(card('Source?').getByText('Orphaned')).toBeVisible();
  await expect(body.locator('span[data-comment-id]')).toHaveText(['rise sharply', 'Banks']);
  await screenshotAtBothSizes(page, 'comments-after-restore');

  const stored = await host.rpc('comments:list', { storyId: story.id });
  expect(stored.map((c: { text: string; orphaned: boolean }) => [c.text, c.orphaned])).toEqual([
    ['How sharply?', false],
    ['Which banks?', false],
    ['Source?', true],
  ]);
});

test('one edits and deletes one’s own comment, not anyone else’s, and the commented text stays highlighted while writing', async ({
  page,
  host,
}) => {
  const story = await host.rpc('stories:create', {
    headline: 'Council budget',
    body: paragraphs('The vote was close. The mayor abstained.'),
  });
  const me = (await host.rpc('people:list', {})).find((p: { name: string }) => p.name === 'Test Editor');
  await host.rpc('people:create', { name: 'Rita Reporter', role: 'reporter' });
  await host.rpc('comments:create', { storyId: story.id, text: 'Who counted?', quote: 'vote' });
  await host.rpc('people:switch', { id: me.id });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Council budget/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });

  await selectInBody(page, 'mayor abstained');
  await page.keyboard.press('Control+Alt+m');
  const comments = page.getByRole('complementary', { name: 'Comments' });
  await expect(comments.getByLabel('Comment text')).toBeFocused();
  await expect(body.locator('.comment-draft-text')).toHaveText('mayor abstained');
  expect(await seriousViolations(page), 'axe with the commented text highlighted').toEqual([]);
  await screenshotAtBothSizes(page, 'comment-draft-highlight');
  await comments.getByLabel('Comment text').fill('Why?');
  await page.keyboard.press('Control+Enter');
  await expect(body.locator('.comment-draft-text')).toHaveCount(0);
  await expect(body.locator('span[data-comment-id]')).toHaveText('mayor abstained');

  const mine = comments.getByRole('listitem', { name: 'Comment by Test Editor' });
  await mine.getByRole('button', { name: 'Edit' }).click();
  await mine
    .getByRole('form', { name: 'Edit comment' })
    .getByLabel('Comment text')
    .fill('Why did the mayor abstain?');
  expect(await seriousViolations(page, 'aside'), 'axe over a comment being edited').toEqual([]);
  await page.keyboard.press('Control+Enter');
  await expect(mine.getByText('Why did the mayor abstain?')).toBeVisible();

  // Someone else's comment offers neither (and the core refuses them anyway: tests/integration/comments.test.ts).
  const theirs = comments.getByRole('listitem', { name: 'Comment by Rita Reporter' });
  await expect(theirs).toContainText('Who counted?');
  await expect(theirs.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(theirs.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await screenshotAtBothSizes(page, 'comment-edited');

  await mine.getByRole('button', { name: 'Delete' }).click();
  await expect(mine).toContainText('Delete this comment?');
  expect(await seriousViolations(page, 'aside'), 'axe over the delete question').toEqual([]);
  await mine.getByRole('button', { name: 'Delete' }).click();
  await expect(mine).toHaveCount(0);
  await expect(body.locator('span[data-comment-id]')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(JSON.stringify((await host.rpc('stories:get', { id: story.id })).body)).not.toContain(
    'commentAnchor',
  );
  expect(await host.rpc('comments:list', { storyId: story.id })).toHaveLength(1);
});

test('one edits and deletes one’s own reply, not anyone else’s, and the comment stays', async ({
  page,
  host,
}) => {
  const story = await host.rpc('stories:create', {
    headline: 'Council budget',
    body: paragraphs('The vote was close.'),
  });
  const me = (await host.rpc('people:list', {})).find((p: { name: string }) => p.name === 'Test Editor');
  await host.rpc('people:create', { name: 'Rita Reporter', role: 'reporter' });
  const comment = await host.rpc('comments:create', {
    storyId: story.id,
    text: 'Who counted?',
    quote: 'vote',
  });
  await host.rpc('comments:reply', { commentId: comment.id, text: 'The clerk did.' });
  await host.rpc('people:switch', { id: me.id });
  await host.rpc('comments:reply', { commentId: comment.id, text: 'Name the clerk.' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Council budget/ }).click();
  await page.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'Comments' }).click();
  const card = page
    .getByRole('complementary', { name: 'Comments' })
    .getByRole('listitem', { name: 'Comment by Rita Reporter' });
  const mine = card.getByRole('listitem', { name: 'Replied by Test Editor' });
  const theirs = card.getByRole('listitem', { name: 'Replied by Rita Reporter' });
  await expect(theirs).toContainText('The clerk did.');
  await expect(theirs.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(theirs.getByRole('button', { name: 'Delete' })).toHaveCount(0);

  await mine.getByRole('button', { name: 'Edit' }).click();
  // Named for what it edits: a reply, not a comment.
  await mine
    .getByRole('form', { name: 'Edit reply' })
    .getByLabel('Reply text')
    .fill('Name the clerk, please.');
  expect(await seriousViolations(page, 'aside'), 'axe over a reply being edited').toEqual([]);
  await screenshotAtBothSizes(page, 'reply-edited');
  await page.keyboard.press('Control+Enter');
  await expect(mine).toContainText('Name the clerk, please.');
  await expect(mine.getByRole('form', { name: 'Edit reply' })).toHaveCount(0);

  await mine.getByRole('button', { name: 'Delete' }).click();
  await expect(mine).toContainText('Delete this reply?');
  expect(await seriousViolations(page, 'aside'), 'axe over the delete question').toEqual([]);
  await mine.getByRole('button', { name: 'Delete' }).click();
  await expect(mine).toHaveCount(0);
  await expect(theirs).toContainText('The clerk did.');
  await expect(card).toContainText('Who counted?');
  const [stored] = await host.rpc('comments:list', { storyId: story.id });
  expect(stored.replies.map((r: { text: string }) => r.text)).toEqual(['The clerk did.']);
});
