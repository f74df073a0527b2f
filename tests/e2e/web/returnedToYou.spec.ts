import { screenshotAtBothSizes } from './atBothSizes';
import { seriousViolations } from './axe';
import { expect, test } from './browserHost';

test.use({ defaultPerson: null });

test('a reporter whose story came back sees "Returned to you" in the library and the note on opening it', async ({
  page,
  host,
}) => {
  const rita = await host.rpc('people:create', { name: 'Rita Reporter', role: 'reporter' });
  const story = await host.rpc('stories:create', { headline: 'Council approves harbour budget' });
  await host.rpc('stories:create', { headline: 'Someone else’s story' });
  const submitted = await host.rpc('workflow:transition', {
    storyId: story.id,
    action: 'submit',
    expectedVersion: story.version,
  });
  await host.rpc('people:create', { name: 'Ed Editor', role: 'editor' });
  await host.rpc('workflow:transition', {
    storyId: story.id,
    action: 'return',
    expectedVersion: submitted.version,
    note: 'Please name the councillors who spoke.',
  });
  await host.rpc('people:switch', { id: rita.id });

  await page.goto(host.uiUrl);
  const nav = page.getByRole('navigation', { name: 'Library' });
  const returned = nav.getByRole('button', { name: /^Returned to you\s*\(\s*1\s*\)$/ });
  await expect(returned).toBeVisible();
  const all = page.getByRole('region', { name: 'Stories' });
  await expect(
    all.getByRole('button', { name: /Council approves harbour budget/ }).locator('.status'),
  ).toHaveText('Returned to you');

  await returned.click();
  await expect(page.getByRole('heading', { name: 'Returned to you' })).toBeVisible();
  const rows = all.locator('.story-row');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const note = page.getByRole('region', { name: 'Returned with a note' });
  await expect(note).toContainText('Returned to you by Ed Editor');
  await expect(note).toContainText('Please name the councillors who spoke.');
  await screenshotAtBothSizes(page, 'returned-to-you');
  expect(await seriousViolations(page), 'returned to you').toEqual([]);

  // Resubmitted, it is no longer waiting for the reporter: the entry goes.
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(returned).toHaveCount(0);
});
