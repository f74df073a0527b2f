import { png } from '../../support/png';
import { screenshotAtBothSizes } from './atBothSizes';
import { expect, test } from './browserHost';
import { seriousViolations } from './axe';

test('an image inserted with the caret mid-sentence goes after that paragraph, the sentence whole, and typing goes on where the caret was', async ({
  page,
  host,
}) => {
  const story = await host.rpc('stories:create', {
    headline: 'Harbour at dawn',
    body: {
      type: 'doc',
      content: ['The boats left at five in the morning.', 'By noon the quay was empty.'].map((text) => ({
        type: 'paragraph',
        content: [{ type: 'text', text }],
      })),
    },
  });
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: /Harbour at dawn/ }).click();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();
  // The caret right after "at five", in the middle of the first sentence.
  await body.evaluate((element) => {
    const text = element.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 'The boats left at five'.length);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
  });

  await page.getByRole('button', { name: 'Image', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert image' });
  await dialog
    .getByLabel('Image file')
    .setInputFiles({ name: 'harbour.png', mimeType: 'image/png', buffer: png(40, 30) });
  await dialog.getByLabel('Caption').fill('The quay at dawn');
  await dialog.getByRole('button', { name: 'Insert image' }).click();
  await expect(dialog).toBeHidden();

  await expect(body.locator(':scope > *')).toHaveText([
    'The boats left at five in the morning.',
    'The quay at dawn',
    'By noon the quay was empty.',
  ]);
  await page.keyboard.type(' sharp');
  await expect(body.locator('p').first()).toHaveText('The boats left at five sharp in the morning.');
  await expect(page.getByRole('status')).toHaveText('Saved');
  const stored = await host.rpc('stories:get', { id: story.id });
  expect(stored.body.content.map((block: { type: string }) => block.type)).toEqual([
    'paragraph',
    'figure',
    'paragraph',
  ]);
  await screenshotAtBothSizes(page, 'image-between-paragraphs');
  expect(await seriousViolations(page), 'axe over the story with its image').toEqual([]);
});
