import type { Page } from '@playwright/test';
import { selectInBody } from './selectInBody';
import { expect, test, type RunningHost } from './browserHost';

const SHOTS = `${process.env.COPYDESK_DIST ? `test-results-${process.env.COPYDESK_DIST}` : 'test-results'}/screenshots`;
const HEADLINE = 'Harbour dredging starts in May';

async function openWithComments(page: Page, host: RunningHost) {
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: new RegExp(HEADLINE) }).click();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toContainText('dredging');
  await page.getByRole('button', { name: 'Comments', exact: true }).click();
  const comments = page.getByRole('complementary', { name: 'Comments' });
  await expect(comments).toBeVisible();
  return comments;
}

async function addComment(page: Page, phrase: string, text: string) {
  const comments = page.getByRole('complementary', { name: 'Comments' });
  await selectInBody(page, phrase);
  await page.keyboard.press('Control+Alt+m');
  await comments.getByLabel('Comment text').fill(text);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByRole('listitem').filter({ hasText: text })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved');
}

test('comments written, replied to and resolved in one tab show up live in another tab on the same story', async ({
  page: pageA,
  context,
  host,
}) => {
  await host.rpc('stories:create', {
    headline: HEADLINE,
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'The dredging starts in May and lasts two years, the port said.' }],
        },
      ],
    },
  });
  const commentsA = await openWithComments(pageA, host);
  const pageB = await context.newPage();
  const commentsB = await openWithComments(pageB, host);
  await expect(commentsB.getByText('No comments yet.')).toBeVisible();

  // A comments; B sees it without reloading, and its panel stays open.
  await addComment(pageA, 'lasts two years', 'Two years from when?');
  const cardB = commentsB
    .getByRole('listitem', { name: 'Comment by Test Editor' })
    .filter({ hasText: 'Two years from when?' });
  await expect(cardB).toContainText('Two years from when?');
  await expect(cardB).toContainText('lasts two years');
  await expect(cardB.locator('.comment-orphaned')).toHaveCount(0);

  // B starts a reply; what A does next must not wipe it.
  await cardB.getByLabel('Reply').fill('Checking with the port');

  // A replies and resolves: neither touches the story, yet B follows both.
  const cardA = commentsA
    .getByRole('listitem', { name: 'Comment by Test Editor' })
    .filter({ hasText: 'Two years from when?' });
  await cardA.getByLabel('Reply').fill('From the start of works.');
  await cardA.getByRole('button', { name: 'Send' }).click();
  await expect(cardB.locator('.comment-replies')).toContainText('From the start of works.');
  await cardA.getByRole('button', { name: 'Resolve' }).click();
  await expect(cardA.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(cardB).toHaveClass(/comment-resolved/);
  await expect(cardB.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(cardB.getByLabel('Reply')).toHaveValue('Checking with the port');

  // A second comment from A saves the body, so B reloads the story; B's open panel, half-written reply
  // and its focus survive that.
  await addComment(pageA, 'the port said', 'Name the spokesperson.');
  await expect(commentsB.getByRole('listitem', { name: 'Comment by Test Editor' })).toHaveCount(2);
  await expect(commentsB).toContainText('Name the spokesperson.');
  await expect(
    pageB.getByRole('textbox', { name: 'Story body' }).locator('span[data-comment-id]'),
  ).toHaveText(['lasts two years', 'the port said']);
  await expect(commentsB.locator('.comment-orphaned')).toHaveCount(0);
  await expect(cardB.getByLabel('Reply')).toHaveValue('Checking with the port');
  await expect(cardB.getByLabel('Reply')).toBeFocused();
  await pageB.keyboard.type(' authority');
  await expect(cardB.getByLabel('Reply')).toHaveValue('Checking with the port authority');
  await pageB.screenshot({ path: `${SHOTS}/comments-live-tab-b.png` });

  // B reopens; A sees that too.
  await cardB.getByRole('button', { name: 'Reopen' }).click();
  await expect(cardA).not.toHaveClass(/comment-resolved/);
  await expect(cardA.getByRole('button', { name: 'Resolve' })).toBeVisible();

  // B's timeline follows A's comment writes as well.
  await pageB.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'Activity' }).click();
  const resolvedB = pageB
    .getByRole('complementary', { name: 'Activity' })
    .getByRole('listitem')
    .filter({ hasText: 'resolved a comment' });
  await expect(resolvedB).toHaveCount(1);
  await cardA.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolvedB).toHaveCount(2);
  await pageB.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'Comments' }).click();

  // A burst of replies from elsewhere is a handful of reloads in B, not one per reply.
  const lists: string[] = [];
  pageB.on(
    'request',
    (request) =>
      decodeURIComponent(request.url()).endsWith('/rpc/comments:list') && lists.push(request.url()),
  );
  const commentId = await cardB.getAttribute('id').then((id) => id!.replace(/^comment-/, ''));
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => host.rpc('comments:reply', { commentId, text: `Burst ${i}` })),
  );
  await expect(cardB.locator('.comment-replies li')).toHaveCount(21);
  await pageB.waitForTimeout(500);
  expect(lists.length).toBeGreaterThan(0);
  expect(lists.length, 'one reload per reply would be 20').toBeLessThanOrEqual(8);
});
