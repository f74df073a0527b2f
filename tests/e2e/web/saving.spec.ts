import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';

test('a text field stops at its limit with a counter, and a refused value never stops the rest of the story saving', async ({
  page,
  host,
}) => {
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  const headline = page.getByLabel('Headline');
  await headline.fill('x'.repeat(320));
  await expect(headline).toHaveValue('x'.repeat(300));
  await expect(page.getByText('300 / 300')).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Saved');

  // A value past the limit that got in anyway (set by a script, an input method): the field says so in red, and the body is saved.
  await headline.evaluate((element: HTMLTextAreaElement, value) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setter.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, 'y'.repeat(312));
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  await page.keyboard.type('The body typed afterwards is kept.');
  await page.getByLabel('Byline').fill('By Mina Park');
  const problem = page.getByText('Not saved: at most 300 characters (this has 312). Shorten it to save it.');
  await expect(problem).toBeVisible();
  await expect(headline).toHaveAttribute('aria-invalid', 'true');
  expect(await problem.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(179, 38, 30)');
  await expect(page.getByRole('status')).toHaveText(
    'Not saved — Headline: At most 300 characters — the rest of the story is saved',
  );
  await expect(page.getByRole('status')).toHaveClass(/save-failed/);

  const [listed] = (await host.rpc('library:query', {})).items;
  await expect
    .poll(async () => JSON.stringify((await host.rpc('stories:get', { id: listed.id })).body))
    .toContain('The body typed afterwards is kept.');
  const stored = await host.rpc('stories:get', { id: listed.id });
  expect(stored.byline).toBe('By Mina Park');
  expect(stored.headline).toBe('x'.repeat(300));
  await screenshotAtBothSizes(page, 'save-refused-field');

  // Shortening the field saves it, and the red line goes.
  await headline.fill('Harbour bridge reopens');
  await expect(problem).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect((await host.rpc('stories:get', { id: listed.id })).headline).toBe('Harbour bridge reopens');
});

test('every limited field of a story enforces the contract limit', async ({ page, host }) => {
  await page.goto(host.uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  for (const [label, max] of [
    ['Headline', 300],
    ['Standfirst', 1000],
    ['Byline', 200],
    ['Dateline', 200],
    ['Credit', 200],
  ] as const) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill('a'.repeat(max + 5));
    await expect(field).toHaveValue('a'.repeat(max));
  }
  await expect(page.getByRole('status')).toHaveText('Saved');
});
