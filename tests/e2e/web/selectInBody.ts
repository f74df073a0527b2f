import type { Page } from '@playwright/test';

/** Selects `phrase` inside the story body as a user dragging over it would. */
export async function selectInBody(page: Page, phrase: string) {
  await page.getByRole('textbox', { name: 'Story body' }).evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      (body as HTMLElement).focus();
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the body`);
  }, phrase);
}
