import { expect, test } from './browserHost';

test('a story created in the UI is still there after a reload and a host restart', async ({ page, host }) => {
  await page.goto(host.uiUrl);
  await expect(page.getByRole('heading', { name: 'All stories' })).toBeVisible();
  await expect(page).not.toHaveURL(/token=/);

  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Harbour bridge reopens after repairs');
  await page.getByLabel('Standfirst').fill('Commuters return to the crossing after six months.');
  await page.getByLabel('Byline').fill('By Mina Park');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(page.getByLabel('Slug')).toHaveValue('harbour-bridge-reopens-after-repairs');

  await page.reload();
  const row = page.getByRole('button', { name: /Harbour bridge reopens after repairs/ });
  await expect(row).toBeVisible();

  await host.restart();
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour bridge reopens after repairs/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Harbour bridge reopens after repairs');
  await expect(page.getByLabel('Standfirst')).toHaveValue(
    'Commuters return to the crossing after six months.',
  );
  await expect(page.getByLabel('Byline')).toHaveValue('By Mina Park');
});

test('a change saved elsewhere shows up in the open story in place, keeping the cursor and panels', async ({
  page,
  host,
}) => {
  const api = host.rpc;
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Ferry timetable');
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('Ferries run hourly.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('button', { name: 'History' }).click();
  await body.click();
  await page.keyboard.press('Control+End');

  const [listed] = (await api('library:query', {})).items;
  await api('stories:save', {
    id: listed.id,
    expectedVersion: listed.version,
    changes: { headline: 'Ferry timetable changes', standfirst: 'From Monday.' },
  });
  await expect(page.getByLabel('Headline')).toHaveValue('Ferry timetable changes');
  await expect(page.getByLabel('Standfirst')).toHaveValue('From Monday.');
  await expect(page.getByRole('complementary', { name: 'History' })).toBeVisible();
  await expect(body).toBeFocused();

  // Typing goes on where the cursor was, and saves over the newer version without a conflict.
  await page.keyboard.type(' Night sailings stop.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  const stored = await api('stories:get', { id: listed.id });
  expect(stored.headline).toBe('Ferry timetable changes');
  expect(JSON.stringify(stored.body)).toContain('Ferries run hourly. Night sailings stop.');
});

test('a save from another window is never overwritten silently', async ({ page, host }) => {
  const api = host.rpc;
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Original');
  await expect(page.getByRole('status')).toHaveText('Saved');

  // This window has unsaved text when the other window's save lands, so its own save meets a conflict.
  await page.getByLabel('Byline').fill('Byline typed here');
  const [listed] = (await api('library:query', {})).items;
  await api('stories:save', {
    id: listed.id,
    expectedVersion: listed.version,
    changes: { headline: 'Edited elsewhere' },
  });

  await expect(page.getByRole('alert')).toContainText('This story was changed in another window');
  await expect(page.getByRole('status')).toHaveText('Not saved — changed elsewhere');
  expect((await api('stories:get', { id: listed.id })).byline).toBe('');

  await page.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Original (my version)');
  await expect(page.getByLabel('Byline')).toHaveValue('Byline typed here');
  await expect(page.getByRole('button', { name: /Edited elsewhere/ })).toBeVisible();
});

test('the host refuses a request without the token and one from a foreign origin', async ({
  request,
  host,
}) => {
  const noToken = await request.post(`${host.url}/rpc/app:info`, { data: {} });
  expect(noToken.status()).toBe(401);
  const foreign = await request.post(`${host.url}/rpc/app:info`, {
    data: {},
    headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const good = await request.post(`${host.url}/rpc/app:info`, {
    data: {},
    headers: { Authorization: `Bearer ${host.token}` },
  });
  expect(good.status()).toBe(200);
  expect(await good.json()).toMatchObject({ ok: true, value: { dataDir: host.dataDir } });
});

test('leaving a story whose edits met a conflict asks first', async ({ page, host }) => {
  const api = host.rpc;
  await api('stories:create', { headline: 'Elsewhere' });
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await page.getByLabel('Headline').fill('Contested');
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByLabel('Byline').fill('Byline typed here');
  const story = (await api('library:query', {})).items.find(
    (item: { headline: string }) => item.headline === 'Contested',
  );
  await api('stories:save', {
    id: story.id,
    expectedVersion: story.version,
    changes: { standfirst: 'Theirs' },
  });
  await expect(page.getByRole('status')).toHaveText('Not saved — changed elsewhere');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: /Elsewhere/ }).click();
  await expect.poll(() => asked).toEqual([expect.stringContaining('changed in another window')]);
  await expect(page.getByLabel('Byline')).toHaveValue('Byline typed here');
  await expect(page.getByRole('button', { name: 'Keep mine as a copy' })).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /Elsewhere/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Elsewhere');
});
