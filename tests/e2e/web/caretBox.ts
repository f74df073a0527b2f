import type { Page } from '@playwright/test';

/**
 * Where the caret is on screen once the editor has scrolled it into view (it does so on the next frame).
 * After typing at the end of a text the caret sits just after the text node, between nodes, where a
 * collapsed range has no box: the box then is the character before the caret's.
 */
export const caretBox = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)));
    const selection = window.getSelection()!;
    let node = selection.focusNode!;
    let offset = selection.focusOffset;
    while (!(node instanceof Text) && offset > 0) {
      node = node.childNodes[offset - 1]!;
      offset = node instanceof Text ? node.length : node.childNodes.length;
    }
    const range = document.createRange();
    range.setStart(node, node instanceof Text && offset > 0 ? offset - 1 : offset);
    range.setEnd(node, offset);
    const rect = [...range.getClientRects()].at(-1) ?? range.getBoundingClientRect();
    return { top: rect.top, right: rect.right, bottom: rect.bottom };
  });

/** Whether the caret is inside the story's scrolling pane. */
export async function caretInPane(page: Page): Promise<boolean> {
  const caret = await caretBox(page);
  const sight = await page.locator('main.pane').boundingBox();
  return caret.top >= sight!.y && caret.bottom <= sight!.y + sight!.height;
}
