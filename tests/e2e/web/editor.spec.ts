import type { Page } from '@playwright/test';
import { png } from '../../support/png';
import { expect, test } from './browserHost';
import { caretInPane } from './caretBox';

async function newStory(page: Page, uiUrl: string) {
  await page.goto(uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible();
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const saved = (page: Page) => expect(page.getByRole('status')).toHaveText('Saved');

test('fields and body are saved as they are typed and are back after a reload', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Storm closes the coast road');
  await page.getByLabel('Standfirst').fill('Crews expect to reopen it by the weekend.');
  await page.getByLabel('Byline').fill('By Ana Lima');
  await page.getByLabel('Dateline').fill('LISBON');
  await page.getByLabel('Credit').fill('reports Lusa');
  await page.getByLabel('Section').selectOption({ label: 'World' });
  await page.getByLabel('Embargo').fill('2030-01-02T09:30');
  await body(page).click();
  await page.keyboard.type('High winds brought down trees along the coast.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Drivers were turned back');
  const bold = page.getByRole('button', { name: 'Bold', exact: true });
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await expect(bold).toHaveAttribute('title', 'Bold (Ctrl+B)');
  await expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B');
  await page.keyboard.press('Control+b');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type(' at dawn.');
  await saved(page);

  await page.reload();
  await page.getByRole('button', { name: /Storm closes the coast road/ }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Storm closes the coast road');
  await expect(page.getByLabel('Standfirst')).toHaveValue('Crews expect to reopen it by the weekend.');
  await expect(page.getByLabel('Byline')).toHaveValue('By Ana Lima');
  await expect(page.getByLabel('Dateline')).toHaveValue('LISBON');
  await expect(page.getByLabel('Credit')).toHaveValue('reports Lusa');
  await expect(page.getByLabel('Slug')).toHaveValue('storm-closes-the-coast-road');
  await expect(page.getByLabel('Section')).toHaveValue('world');
  await expect(page.getByLabel('Embargo')).toHaveValue('2030-01-02T09:30');
  await expect(body(page).locator('p').first()).toHaveText('High winds brought down trees along the coast.');
  await expect(body(page).locator('strong')).toHaveText('Drivers were turned back');
});

test('word count and reading time follow typing', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await expect(page.getByTestId('word-count')).toHaveText('0 words');
  const placeholder = () =>
    body(page)
      .locator('p')
      .first()
      .evaluate((p) => getComputedStyle(p, '::before').content);
  expect(await placeholder()).toBe('"Write the story…"');
  await body(page).click();
  await page.keyboard.type('One two three four five');
  expect(await placeholder()).toBe('none');
  await expect(page.getByTestId('word-count')).toHaveText('5 words');
  await expect(page.getByTestId('reading-time')).toHaveText('1 min read');
  // 231 words: 231 / 230 rounds up to two minutes.
  await page.keyboard.insertText(` ${'word '.repeat(226)}`);
  await expect(page.getByTestId('word-count')).toHaveText('231 words');
  await expect(page.getByTestId('reading-time')).toHaveText('2 min read');
});

test('pasting hostile HTML keeps only the allowed structure', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await body(page).click();
  const hostile = `
    <meta charset="utf-8"><style>p { color: red }</style><script>alert('script')</script>
    <b style="font-weight:normal" id="docs-internal-guid-1234">
      <h1 style="color:red" onclick="alert('h1')">Council votes</h1>
      <p class="MsoNormal" style="mso-line-height:1"><span style="font-weight:700">Bold words</span> and
        <a href="javascript:alert('link')" onmouseover="alert('hover')">a bad link</a> and
        <a href="https://example.com/report" target="_blank" style="color:blue">a good link</a>.</p>
      <ul><li>First point</li><li><em>Second</em> point</li></ul>
      <iframe src="https://tracker.example/frame"></iframe>
      <img src="x" onerror="alert('img')">
      <table><tr><td>Cell A</td><td><table><tr><td>Nested cell</td></tr></table></td></tr></table>
      <span class="tracking" data-track="1">Tracked text</span>
    </b>`;
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback');
    document
      .querySelector('[aria-label="Story body"]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, hostile);

  const editor = body(page);
  await expect(editor.locator('h2')).toHaveText('Council votes');
  await expect(editor.locator('strong')).toHaveText('Bold words');
  await expect(editor.locator('a[href="https://example.com/report"]')).toHaveText('a good link');
  await expect(editor.locator('li')).toHaveText(['First point', 'Second point']);
  await expect(editor.locator('li em')).toHaveText('Second');
  await expect(editor).toContainText('Cell A');
  await expect(editor).toContainText('Nested cell');
  await expect(editor).toContainText('Tracked text');
  const html = await editor.innerHTML();
  for (const banned of [
    '<script',
    '<style',
    '<iframe',
    '<table',
    '<td',
    '<img',
    'onclick',
    'onerror',
    'onmouseover',
    'javascript:',
    'style=',
    'class="Mso',
    'tracking',
    'docs-internal',
  ]) {
    expect(html, banned).not.toContain(banned);
  }
  await expect(editor.getByText('a bad link')).toBeVisible();
  expect(await editor.locator('a').count()).toBe(1);
  await saved(page);
  expect(alerts).toEqual([]);
});

test('links accept web and mail addresses only', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('Read the report');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Link' });
  await dialog.getByLabel('Link address').fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Only web (http, https) and email (mailto) links are allowed.',
  );
  await dialog.getByLabel('Link address').fill('example.com/report');
  await dialog.getByRole('button', { name: 'Apply link' }).click();
  await expect(dialog).toBeHidden();
  await expect(body(page).locator('a')).toHaveAttribute('href', 'https://example.com/report');
  await expect(page.getByRole('button', { name: 'Link', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('an image is inserted from disk with caption and credit, and stored once', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Picture story');
  await body(page).click();
  await page.keyboard.type('Before the picture.');
  for (const caption of ['The harbour at dawn', 'The same harbour again']) {
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert image' });
    await dialog
      .getByLabel('Image file')
      .setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: png(40, 30) });
    await dialog.getByLabel('Caption').fill(caption);
    await dialog.getByLabel('Credit').fill('Photo: Ana Lima');
    await dialog.getByLabel('Alt text').fill('Boats in a harbour');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await expect(dialog).toBeHidden();
  }
  const figures = body(page).locator('figure');
  await expect(figures).toHaveCount(2);
  await expect(figures.first().locator('figcaption')).toHaveText('The harbour at dawn Photo: Ana Lima');
  const sources = await figures
    .locator('img')
    .evaluateAll((images) => images.map((img) => img.getAttribute('src')));
  expect(sources[0]).toMatch(/^media\/[0-9a-f]{64}\.png$/);
  expect(sources[1]).toBe(sources[0]);
  await expect
    .poll(() =>
      figures
        .first()
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(40);
  await saved(page);

  await page.reload();
  await page.getByRole('button', { name: /Picture story/ }).click();
  await expect(body(page).locator('figure').nth(1).locator('figcaption')).toHaveText(
    'The same harbour again Photo: Ana Lima',
  );
  await expect(body(page).locator('img').first()).toHaveAttribute('alt', 'Boats in a harbour');
});

test('a saved version can be previewed and restored, and the restore is a new revision', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('First headline');
  await body(page).click();
  await page.keyboard.type('The first draft of the story.');
  await saved(page);
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('complementary', { name: 'History' });
  await history.getByLabel('Version name').fill('First draft');
  await history.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByRole('button', { name: /First draft/ })).toBeVisible();

  await page.getByLabel('Headline').fill('Rewritten headline');
  await body(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Everything was rewritten.');
  await saved(page);

  await history.getByRole('button', { name: /First draft/ }).click();
  await expect(history.getByRole('heading', { name: 'First headline' })).toBeVisible();
  await history.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('First headline');
  await expect(body(page)).toHaveText('The first draft of the story.');

  // The panel stays open and lists the restore as the newest revision.
  await expect(history.getByRole('button', { name: /Restored revision/ })).toBeVisible();
});

test('opening a story does not change it', async ({ page, host }) => {
  const call = host.rpc;
  // A body that ends in a quote: the editor adds a trailing paragraph to it, which is not an edit.
  const story = await call('stories:create', {
    headline: 'Untouched',
    body: {
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted.' }] }],
        },
      ],
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Untouched/ }).click();
  await expect(body(page)).toContainText('Quoted.');
  await page.waitForTimeout(1_500); // longer than the autosave delay
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect((await call('stories:get', { id: story.id })).version).toBe(1);
});

test('opening a story draws its body once, with its also-read block', async ({ page, host }) => {
  const linked = await host.rpc('stories:create', { headline: 'Ferries run again' });
  const paragraphs = Array.from({ length: 40 }, (_, i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `Paragraph ${i + 1} of the story.` }],
  }));
  await host.rpc('stories:create', {
    headline: 'Drawn once',
    body: {
      type: 'doc',
      content: [
        ...paragraphs,
        { type: 'alsoRead', attrs: { storyId: linked.id, headline: 'Ferries run again' } },
      ],
    },
  });
  // Paragraphs of the body taken out of the page: a second drawing of the document replaces every one.
  await page.addInitScript(() => {
    const removed = { count: 0 };
    (window as unknown as { removedParagraphs: typeof removed }).removedParagraphs = removed;
    new MutationObserver((records) => {
      for (const record of records)
        if ((record.target as Element).closest?.('.ProseMirror'))
          for (const node of record.removedNodes) if (node.nodeName === 'P') removed.count++;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /^Drawn once/ }).click();
  await expect(body(page)).toContainText('Paragraph 40 of the story.');
  await expect(body(page).locator('.also-read')).toContainText('ALSO READ: Ferries run again');
  expect(
    await page.evaluate(
      () => (window as unknown as { removedParagraphs: { count: number } }).removedParagraphs.count,
    ),
  ).toBe(0);
});
test('a save shown as "Saved" survives a killed host process', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Power cut');
  await body(page).click();
  await page.keyboard.type('Every word of this was saved.');
  await saved(page);
  await host.restart({ signal: 'SIGKILL' });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Power cut/ }).click();
  await expect(body(page)).toHaveText('Every word of this was saved.');
});

test('when the host is unreachable the save retries, says why, and lands when it is back', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Offline draft');
  await saved(page);
  await host.stop();
  await body(page).click();
  await page.keyboard.type('Written while the host was down.');
  await expect(page.getByRole('status')).toHaveText(/^Not saved — retrying \(.+\)$/);
  await host.restart({ samePort: true });
  await expect(page.getByRole('status')).toHaveText('Saved', { timeout: 20_000 });
  await page.reload();
  await page.getByRole('button', { name: /Offline draft/ }).click();
  await expect(body(page)).toHaveText('Written while the host was down.');
});

test('an edit that could not be saved yet still lands after switching to another story', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Other story' });
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Left behind');
  await saved(page);
  const [left] = (await host.rpc('library:query', {})).items.filter(
    (item: { headline: string }) => item.headline === 'Left behind',
  );

  await host.stop();
  await body(page).click();
  await page.keyboard.type('Typed, then switched away.');
  await page.getByRole('button', { name: /Other story/ }).click(); // within the autosave delay
  await host.restart({ samePort: true });

  await expect
    .poll(async () => JSON.stringify((await host.rpc('stories:get', { id: left.id })).body), {
      timeout: 20_000,
    })
    .toContain('Typed, then switched away.');
  await page.reload();
  await page.getByRole('button', { name: /Left behind/ }).click();
  await expect(body(page)).toHaveText('Typed, then switched away.');
});

test('the slug follows the headline until someone types one, after a reopen too', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Coast road closed');
  await expect(page.getByLabel('Slug')).toHaveValue('coast-road-closed');
  await saved(page);

  await page.reload();
  await page.getByRole('button', { name: /Coast road closed/ }).click();
  await page.getByLabel('Headline').fill('Coast road reopens');
  await expect(page.getByLabel('Slug')).toHaveValue('coast-road-reopens');
  await saved(page);
  const [stored] = (await host.rpc('library:query', {})).items;
  expect(stored.slug).toBe('coast-road-reopens');
});

test('a slug typed with spaces and capitals is saved as a slug, and a cleared one shows the derived slug', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Coast road closed');
  await page.getByLabel('Slug').fill('Storm Road');
  await body(page).click();
  await page.keyboard.type('Saved along with the slug.');
  await expect(page.getByLabel('Slug')).toHaveValue('storm-road');
  await saved(page);

  await page.reload();
  await page.getByRole('button', { name: /Coast road closed/ }).click();
  await expect(page.getByLabel('Slug')).toHaveValue('storm-road');
  await expect(body(page)).toHaveText('Saved along with the slug.');

  await page.getByLabel('Slug').fill('');
  await body(page).click();
  await expect(page.getByLabel('Slug')).toHaveValue('coast-road-closed');
  await saved(page);
  const [stored] = (await host.rpc('library:query', {})).items;
  expect(stored.slug).toBe('coast-road-closed');
});

test('moving a story to the trash stores what was just typed first', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Binned');
  await saved(page);
  await body(page).click();
  await page.keyboard.type('Last words before the trash.');
  // A click event alone: a real click would blur the body, which sends the save anyway.
  await page.getByRole('button', { name: 'Move to trash' }).dispatchEvent('click');
  await expect(page.getByText('Select a story, or start a new one.')).toBeVisible();

  const [trashed] = (await host.rpc('library:query', { filters: { trashed: true } })).items;
  const stored = await host.rpc('stories:get', { id: trashed.id });
  expect(JSON.stringify(stored.body)).toContain('Last words before the trash.');
});

test('typing keeps the caret in sight: a caret scrolled away comes back, one in sight does not move the page', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await page.getByLabel('Headline').fill('Long council report');
  await body(page).click();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Enter');
  await page.keyboard.type('The last line.');
  const pane = page.locator('main.pane');
  await expect.poll(() => caretInPane(page)).toBe(true);

  const inSight = await pane.evaluate((el) => el.scrollTop);
  await page.keyboard.type(' More', { delay: 20 });
  await page.waitForTimeout(100);
  expect(await pane.evaluate((el) => el.scrollTop)).toBe(inSight);

  await pane.evaluate((el) => el.scrollTo(0, 0));
  expect(await caretInPane(page)).toBe(false);
  await page.keyboard.type('!');
  await expect.poll(() => caretInPane(page)).toBe(true);
  await expect(body(page).locator('p').last()).toHaveText('The last line. More!');
});

test('Ctrl+End and Ctrl+Home reach the very end and start of a long story, whose far blocks the page skips drawing', async ({
  page,
  host,
}) => {
  const paragraph = (n: number) => ({
    type: 'paragraph',
    content: [
      {
        type: 'text',
        text: `Paragraph ${n} of the harbour budget report, long enough to wrap twice over.`.repeat(3),
      },
    ],
  });
  await host.rpc('stories:create', {
    headline: 'Harbour budget in full',
    body: { type: 'doc', content: Array.from({ length: 150 }, (_, n) => paragraph(n + 1)) },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour budget in full/ }).click();
  await body(page).click();

  await page.keyboard.press('Control+End');
  await page.keyboard.type('Z');
  await expect(body(page).locator('p').last()).toHaveText(/twice over\.Z$/);
  await expect.poll(() => caretInPane(page)).toBe(true);

  await page.keyboard.press('Control+Home');
  await page.keyboard.type('A');
  await expect(body(page).locator('p').first()).toHaveText(/^AParagraph 1 of/);
  await expect.poll(() => caretInPane(page)).toBe(true);

  await page.keyboard.press('Control+Shift+End');
  expect(await page.evaluate(() => document.getSelection()!.toString().endsWith('twice over.Z'))).toBe(true);
});

test('typing at the end of a line leaves the page caret after each character without the editor setting it', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('Polls close');
  // The editor setting the DOM caret into the text just written makes Chromium lay the page out inside the key.
  const caretSetsInText = await page.evaluateHandle(() => {
    const calls = { count: 0 };
    const collapse = Selection.prototype.collapse;
    Selection.prototype.collapse = function (this: Selection, node: Node | null, offset?: number) {
      if (node instanceof Text) calls.count++;
      return collapse.call(this, node, offset);
    };
    return calls;
  });
  await page.keyboard.type(' at eight tonight');
  await expect(body(page).locator('p')).toHaveText('Polls close at eight tonight');
  expect(await caretSetsInText.evaluate((calls) => calls.count)).toBe(0);
  await page.keyboard.type('.', { delay: 50 });
  await expect(body(page).locator('p')).toHaveText('Polls close at eight tonight.');
  // The browser's own edits start from the caret left there: Backspace, a selection typed over.
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('t, officials say');
  await expect(body(page).locator('p')).toHaveText('Polls close at eight tonight, officials say');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.type('Y');
  await expect(body(page).locator('p')).toHaveText('Polls close at eight tonight, officials saY');
  // Text that arrives without keys (dictation, an input method's commit) goes in at the same caret.
  await page.keyboard.insertText(' today');
  await page.keyboard.type('!');
  await expect(body(page).locator('p')).toHaveText('Polls close at eight tonight, officials saY today!');
});
