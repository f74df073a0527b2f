import type { Page } from '@playwright/test';
import { expect, test } from './browserHost';
import { selectInBody } from './selectInBody';

// Keys that arrive back to back (a busy main thread, a text expander, dictation) must land at the caret:
// `keyboard.type` with no delay, as a person never types but machines do.

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' });

const PARAGRAPHS = [
  'Rail services resumed on Monday after the storm closed three level crossings.',
  'The operator said trains would run hourly until the line is inspected.',
  'Commuters were told to expect delays through the week.',
  'Buses will replace trains on the coast branch.',
];

async function newStory(page: Page, uiUrl: string) {
  await page.goto(uiUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'New story' }).click();
  await expect(body(page)).toBeVisible();
}

async function typeParagraphsTimes(page: Page, tries: number) {
  for (let attempt = 0; attempt < tries; attempt++) {
    await body(page).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await PARAGRAPHS.reduce(async (previous, text, index) => {
      await previous;
      if (index > 0) await page.keyboard.press('Enter');
      await page.keyboard.type(text);
    }, Promise.resolve());
    await expect(body(page).locator('p')).toHaveText(PARAGRAPHS);
  }
}

test('paragraphs typed with no delay between keys come out exactly as typed', async ({ page, host }) => {
  test.setTimeout(120_000);
  await newStory(page, host.uiUrl);
  await typeParagraphsTimes(page, 4);
});

test('paragraphs typed with no delay on a throttled CPU come out exactly as typed', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await newStory(page, host.uiUrl);
  await typeParagraphsTimes(page, 1);
});

test('lists, quotes and a [[ story link typed with no delay come out exactly as typed', async ({
  page,
  host,
}) => {
  await host.rpc('stories:create', { headline: 'Storm closes the coast road' });
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('Closures so far:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Coast road');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Harbour bridge');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('> Nobody should travel tonight');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Background: [[coast ro');
  const picker = page.getByRole('listbox', { name: 'Stories to link' });
  await expect(picker.getByRole('option', { selected: true })).toContainText('Storm closes the coast road');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await page.keyboard.type(' has the details.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('More updates follow.');

  await expect(body(page).locator('ul > li')).toHaveText(['Coast road', 'Harbour bridge']);
  // The trailing empty paragraph is TipTap's own, kept so the caret can always leave a list or quote.
  const blocks = await body(page).locator(':scope > *').allTextContents();
  expect(blocks.filter((text, index) => text || index < blocks.length - 1)).toEqual([
    'Closures so far:',
    'Coast roadHarbour bridge',
    'Nobody should travel tonight',
    'Background: Storm closes the coast road has the details.',
    'More updates follow.',
  ]);
  await expect(body(page).locator('blockquote')).toHaveText('Nobody should travel tonight');
  await expect(body(page).locator('a[data-story-id]')).toHaveText('Storm closes the coast road');
});

test('a typed key goes into the body as an edit of its own, not through the browser’s text insertion', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  // The browser's insertion fires `input`, and React's listener on the root then runs the editor's
  // read-back of the DOM inside the key event: what made each keystroke cost twice bare TipTap's.
  await page.evaluate(() => {
    (window as unknown as { inputEvents: number }).inputEvents = 0;
    document.addEventListener(
      'input',
      () => (window as unknown as { inputEvents: number }).inputEvents++,
      true,
    );
  });
  await page.keyboard.type('Ferries are cancelled');
  await expect(body(page).locator('p').first()).toHaveText('Ferries are cancelled');
  expect(await page.evaluate(() => (window as unknown as { inputEvents: number }).inputEvents)).toBe(0);
});

test('text composed by an input method (IME, dictation) still lands at the caret', async ({ page, host }) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('Weather: ');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'にほ', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: '日本' });
  await page.keyboard.type(' rain');
  await expect(body(page).locator('p').first()).toHaveText('Weather: 日本 rain');
});

test('a key typed right after the caret moves (a click, Home, End, an arrow) lands at the new caret', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('harbour reopened');
  // The browser moves the caret; the editor hears of it with the next selectionchange, which these keys can beat.
  for (let round = 0; round < 5; round++) {
    await page.keyboard.press('Home');
    await page.keyboard.type('<');
    await page.keyboard.press('End');
    await page.keyboard.type('>');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('|');
  }
  await expect(body(page).locator('p')).toHaveText('<<<<<harbour reopened|>|>|>|>|>');
  const middle = body(page).getByText('harbour reopened');
  await middle.click({ position: { x: 2, y: 5 } });
  await page.keyboard.press('Home');
  await page.keyboard.type('The ');
  await expect(body(page).locator('p')).toHaveText('The <<<<<harbour reopened|>|>|>|>|>');
});

test('a shortcut pressed before the editor hears of a new selection acts on that selection', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('The mayor abstained and the vote was close.');
  // A selection made by a script or an assistive tool, whose selectionchange the keys beat.
  await selectInBody(page, 'mayor', { unheard: true });
  await page.keyboard.press('ControlOrMeta+b');
  await expect(body(page).locator('strong')).toHaveText('mayor');
  await selectInBody(page, 'vote', { unheard: true });
  await page.keyboard.press('Control+Alt+m');
  await expect(
    page.getByRole('complementary', { name: 'Comments' }).getByLabel('Comment text'),
  ).toBeFocused();
  await expect(body(page).locator('.comment-draft-text')).toHaveText('vote');
});

test('a typed key changes the text it joins in place, as the browser’s own insertion does', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('Rail services resumed');
  // A live range into the paragraph's text, as a spell checker or a screen reader holds one. Text written
  // whole (what the redraw did, and what made Chromium reshape the paragraph on every key) resets it to 0.
  await body(page).evaluate((element) => {
    const range = document.createRange();
    range.setStart(element.querySelector('p')!.firstChild!, 4);
    (window as unknown as { held: Range }).held = range;
  });
  await page.keyboard.type(' on Monday');
  await expect(body(page).locator('p')).toHaveText('Rail services resumed on Monday');
  const held = await body(page).evaluate((element) => {
    const range = (window as unknown as { held: Range }).held;
    return {
      sameText: range.startContainer === element.querySelector('p')!.firstChild,
      offset: range.startOffset,
    };
  });
  expect(held).toEqual({ sameText: true, offset: 4 });
});

type StoredNode = { text?: string; marks?: { type: string }[]; content?: StoredNode[] };
const inlineOf = (node: StoredNode): string =>
  node.text !== undefined
    ? (node.marks ?? []).reduceRight((text, mark) => `<${mark.type}>${text}</${mark.type}>`, node.text)
    : (node.content ?? []).map(inlineOf).join('');

test('keys typed at mark edges, inside a word and inside a comment’s highlight land exactly', async ({
  page,
  host,
}) => {
  await newStory(page, host.uiUrl);
  await body(page).click();
  await page.keyboard.type('council: the ');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type('mayr');
  await page.keyboard.press('ControlOrMeta+b');
  await page.keyboard.type(' said ');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.type('no');
  await page.keyboard.press('ControlOrMeta+i');
  await page.keyboard.type(' to the vte.');
  await selectInBody(page, 'mayr');
  await page.keyboard.press('ArrowLeft');
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('o');
  await page.keyboard.press('Home');
  await page.keyboard.type('Late ');

  // A comment begun on "vte", then its typo fixed in the body while the comment is still being written.
  await selectInBody(page, 'vte');
  await page.keyboard.press('Control+Alt+m');
  const highlight = body(page).locator('.comment-draft-text');
  await expect(highlight).toHaveText('vte');
  await selectInBody(page, 'vte');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('o');

  const expected = 'Late council: the <bold>mayor</bold> said <italic>no</italic> to the vote.';
  await expect(body(page).locator('p')).toHaveText('Late council: the mayor said no to the vote.');
  await expect(body(page).locator('strong')).toHaveText('mayor');
  await expect(body(page).locator('em')).toHaveText('no');
  await expect(highlight).toHaveText('vote');
  const [listed] = (await host.rpc('library:query', {})).items;
  await expect
    .poll(async () => inlineOf((await host.rpc('stories:get', { id: listed.id })).body as StoredNode))
    .toBe(expected);
});
