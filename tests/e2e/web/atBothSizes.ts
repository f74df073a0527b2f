import type { Page } from '@playwright/test';

export const LAPTOP = { width: 1024, height: 700 };
export const DESKTOP = { width: 1440, height: 900 };

/** Screenshots of the page as it is now at 1440×900 and 1024×700 (test-results/screenshots/desk/<name>-<width>.png), for people to look at. */
export async function screenshotAtBothSizes(
  page: Page,
  name: string,
  /** Run after each resize, e.g. to scroll what the picture is of into view. */
  afterResize?: () => Promise<void>,
): Promise<void> {
  const before = page.viewportSize();
  for (const size of [DESKTOP, LAPTOP]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100); // one layout pass after the resize
    await afterResize?.();
    await page.screenshot({ path: `test-results/screenshots/desk/${name}-${size.width}.png` });
  }
  if (before) await page.setViewportSize(before);
}
