import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';

test('an editor approves a draft after being told what would block publishing; an edit after approval needs a new one, and the publish dialog fixes the section', async ({
  page,
  host,
}) => {
  const story = await host.rpc('stories:create', {
    headline: 'Council approves harbour budget',
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The vote was 7 to 4.' }] }],
    },
  });
  // Edited before the approval too, so "since approval" differs from "since created".
  await host.rpc('stories:save', {
    id: story.id,
    expectedVersion: story.version,
    changes: {
      standfirst: 'A close vote.',
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The vote was 7 to 4.' }] }],
      },
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Council approves harbour budget/ }).click();
  const pane = page.getByRole('main', { name: 'Story' });
  await expect(pane.locator('.status')).toHaveText('Draft');

  await pane.getByRole('button', { name: 'Approve', exact: true }).click();
  const check = page.getByRole('dialog', { name: 'Approve with problems?' });
  await expect(check).toContainText('Choose a section.');
  await screenshotAtBothSizes(page, 'approve-with-problems');
  await check.getByRole('button', { name: 'Approve anyway' }).click();
  await expect(pane.locator('.status')).toHaveText('Approved');
  await expect(pane.getByText('Changed since approval')).toHaveCount(0);
  await expect(pane.getByRole('note').filter({ hasText: 'Approved by' })).toHaveText(
    'Approved by Test Editor just now.',
  );
  await screenshotAtBothSizes(page, 'approved-by');

  // Someone edits the approved story: it says so, and the diff starts from what was approved.
  await host.rpc('stories:save', {
    id: story.id,
    expectedVersion: (await host.rpc('stories:get', { id: story.id })).version,
    changes: {
      body: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The vote was 6 to 5.' }] }],
      },
    },
  });
  await expect(pane.getByText('Changed since approval')).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Approve again' })).toBeVisible();
  await page.getByRole('group', { name: 'Side panels' }).getByRole('button', { name: 'Changes' }).click();
  const changes = page.getByRole('complementary', { name: 'Changes' });
  const bodyChanges = changes.getByRole('document', { name: 'Body changes' });
  await expect(bodyChanges.locator('ins')).toHaveText(['6 ', '5.']);
  await expect(bodyChanges.locator('del')).toHaveText(['7 ', '4.']);

  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Publish' }).click();
  const publish = page.getByRole('dialog', { name: /^Publish to / });
  const blockers = publish.getByRole('list', { name: 'Blockers' });
  await expect(blockers).toContainText('The story changed after it was approved.');
  await expect(blockers).toContainText('Choose a section.');
  await screenshotAtBothSizes(page, 'publish-asks-new-approval');
  await publish.getByLabel('Section for this story').selectOption({ label: 'World' });
  await expect(blockers).not.toContainText('Choose a section.');
  await expect.poll(async () => (await host.rpc('stories:get', { id: story.id })).sectionId).toBe('world');
  await expect(publish.getByRole('button', { name: 'Publish now' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(publish).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Section', exact: true })).toHaveValue('world');
});

test('a reporter cannot change newsroom settings: the page says so and the core refuses them', async ({
  page,
  host,
}) => {
  await host.rpc('people:create', { name: 'Rita Reporter', role: 'reporter' });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('main', { name: 'Settings' });
  await expect(settings).toContainText('only an editor can change them');
  await expect(settings.getByRole('checkbox', { name: /must be approved/ })).toBeDisabled();
  await screenshotAtBothSizes(page, 'settings-reporter');
  await expect(host.rpc('settings:update', { requireApproval: false })).rejects.toThrow(
    'Only an editor can change the newsroom settings.',
  );
  await expect(host.rpc('sections:create', { name: 'Obituaries' })).rejects.toThrow(
    'Only an editor can change the sections.',
  );
});
