import type { Page } from '@playwright/test';

/** The header buttons and formatting tools that are not wholly inside their row and the window. */
export const cutOff = (page: Page) =>
  page.evaluate(() => {
    const inside = (element: Element, box: DOMRect) => {
      const rect = element.getBoundingClientRect();
      return rect.left >= box.left - 1 && rect.right <= box.right + 1;
    };
    const pane = document.querySelector('.pane-toolbar')!.getBoundingClientRect();
    const tools = document.querySelector('.toolbar-tools')!.getBoundingClientRect();
    return [
      ...[...document.querySelectorAll('.pane-toolbar button, .pane-toolbar [role=status]')].filter(
        (b) => !inside(b, pane),
      ),
      ...[...document.querySelectorAll('.toolbar-tools button')].filter((b) => !inside(b, tools)),
      ...[
        ...document.querySelectorAll('.pane-toolbar button, .pane-toolbar [role=status], .toolbar button'),
      ].filter((b) => b.getBoundingClientRect().right > window.innerWidth),
    ].map((b) => b.getAttribute('aria-label') ?? b.textContent);
  });
