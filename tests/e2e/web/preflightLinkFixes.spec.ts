import type { Locator, Page } from '@playwright/test';
import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test, type RunningHost } from './browserHost';
import { seriousViolations } from './axe';

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks && { marks }) });

/** A story ready to publish except for its link (inline and Also read) to another, unpublished story. */
async function storyLinkingToUnpublished(host: RunningHost) {
  await host.rpc('settings:update', { requireApproval: false });
  const section = await host.rpc('sections:create', { name: 'Local' });
  const linked = await host.rpc('stories:create', {
    headline: 'Storm closes the coast road',
    sectionId: section.id,
    body: { type: 'doc', content: [paragraph(text('The road is shut.'))] },
  });
  const story = await host.rpc('stories:create', {
    headline: 'Ferries cancelled',
    sectionId: section.id,
    body: {
      type: 'doc',
      content: [
        paragraph(
          text('Crossings stay shut. See '),
          text('the road story', [{ type: 'storyLink', attrs: { storyId: linked.id } }]),
          text(' for details.'),
        ),
        { type: 'alsoRead', attrs: { storyId: linked.id, headline: linked.headline } },
        paragraph(text('More soon.')),
      ],
    },
  });
  return { linked, story };
}

async function openPreflight(page: Page, host: RunningHost) {
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Ferries cancelled/ }).click();
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Publish' }).click();
  return linkBlocker(page.getByRole('dialog'));
}

/** The dialog's blocker for the link to the unpublished story, once it shows. */
async function linkBlocker(dialog: Locator) {
  const blocker = dialog
    .getByRole('list', { name: 'Blockers' })
    .getByRole('listitem')
    .filter({ hasText: 'Links to “Storm closes the coast road”' });
  await expect(blocker).toBeVisible();
  return { dialog, blocker };
}

test('the pre-flight publishes a linked story that is not published, right where it reports it', async ({
  page,
  host,
}) => {
  const { linked } = await storyLinkingToUnpublished(host);
  const { dialog, blocker } = await openPreflight(page, host);
  await expect(dialog.getByRole('button', { name: 'Publish now' })).toBeDisabled();
  await screenshotAtBothSizes(page, 'preflight-link-fixes');
  expect(await seriousViolations(page, 'dialog'), 'axe over the pre-flight with its fixes').toEqual([]);

  await blocker.getByRole('button', { name: 'Publish it' }).click();
  await expect(blocker).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Publish now' })).toBeEnabled();
  const status = await host.rpc('publish:status', { storyId: linked.id });
  expect(status.publications.map((p: { state: string }) => p.state)).toEqual(['published']);
});

test('the pre-flight unlinks a story that is not published: its links leave the body through a normal save, their text stays', async ({
  page,
  host,
}) => {
  const { story } = await storyLinkingToUnpublished(host);
  const { dialog, blocker } = await openPreflight(page, host);
  await blocker.getByRole('button', { name: 'Unlink' }).click();
  await expect(blocker).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Publish now' })).toBeEnabled();
  await page.keyboard.press('Escape');

  const body = page.getByRole('textbox', { name: 'Story body' });
  await expect(body).toHaveText('Crossings stay shut. See the road story for details.More soon.');
  await expect(body.locator('a[data-story-id]')).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Saved');
  const stored = await host.rpc('stories:get', { id: story.id });
  expect(JSON.stringify(stored.body)).not.toMatch(/storyLink|alsoRead/);
  expect(await host.rpc('links:forStory', { id: story.id })).toMatchObject({ linksTo: [] });
});

test('the pre-flight opens a linked story that is not published', async ({ page, host }) => {
  await storyLinkingToUnpublished(host);
  const { dialog, blocker } = await openPreflight(page, host);
  await blocker.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue('Storm closes the coast road');
});

test('approving a story that links to an unpublished one offers the same fixes: Open, Publish it and Unlink', async ({
  page,
  host,
}) => {
  const { story } = await storyLinkingToUnpublished(host);
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Ferries cancelled/ }).click();
  const pane = page.getByRole('main', { name: 'Story' });
  const approve = async () => {
    await pane.getByRole('button', { name: 'Approve', exact: true }).click();
    return linkBlocker(page.getByRole('dialog', { name: 'Approve with problems?' }));
  };

  let { dialog, blocker } = await approve();
  for (const fix of ['Open', 'Publish it', 'Unlink'])
    await expect(blocker.getByRole('button', { name: fix })).toBeVisible();
  expect(await seriousViolations(page, 'dialog'), 'axe over the approval check with its fixes').toEqual([]);
  await screenshotAtBothSizes(page, 'approval-link-fixes');
  await blocker.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByLabel('Headline')).toHaveValue('Storm closes the coast road');

  await page
    .getByRole('region', { name: 'Stories' })
    .getByRole('button', { name: /Ferries cancelled/ })
    .click();
  ({ dialog, blocker } = await approve());
  await blocker.getByRole('button', { name: 'Unlink' }).click();
  await expect(blocker).toHaveCount(0);
  await expect(dialog).toContainText('Nothing would stop publishing it now.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  expect(JSON.stringify((await host.rpc('stories:get', { id: story.id })).body)).not.toMatch(
    /storyLink|alsoRead/,
  );
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(pane.locator('.status')).toHaveText('Approved');
});
