import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';

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
