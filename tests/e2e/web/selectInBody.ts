import type { Page } from '@playwright/test';

/** Selects `phrase` inside the story body as a user dragging over it would. */
export async function selectInBody(page: Page, phrase: string, options: { unheard?: boolean } = {}) {
  await page.getByRole('textbox', { name: 'Story body' }).evaluate(
    (body, [wanted, unheard]) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        (body as HTMLElement).focus();
        // Keys that beat the selection's selectionchange: the editor has not heard of the selection yet.
        if (unheard)
          window.addEventListener('selectionchange', (event) => event.stopImmediatePropagation(), {
            capture: true,
            once: true,
          });
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the body`);
    },
    [phrase, options.unheard ?? false] as const,
  );
}
