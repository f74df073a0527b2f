import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright';
import { CONTENT_SECURITY_POLICY } from '../../main/hosts/contentSecurityPolicy';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

declare const CopydeskPaste: { pasteToHtml(html: string): string };

/**
 * The editor's paste parsing (`tests/support/pasteToHtml.ts`) running in real Chromium, whose HTML parser is the one
 * a paste meets, under the renderer's Content-Security-Policy (which keeps inline styles from applying). Every other
 * request the page would make is refused.
 */
export async function pasteInChromium(): Promise<{
  paste(htmls: string[]): Promise<string[]>;
  close(): Promise<void>;
}> {
  const bundle = await build({
    entryPoints: [new URL('./pasteToHtml.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'CopydeskPaste',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page: Page = await browser.newPage();
  const origin = 'http://copydesk.test';
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${origin}/`)
      return route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
        body: '<!doctype html><html><head><script src="/paste.js"></script></head><body></body></html>',
      });
    if (url === `${origin}/paste.js`)
      return route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text });
    return route.abort();
  });
  await page.goto(`${origin}/`);
  return {
    paste: (htmls) => page.evaluate((list) => list.map((html) => CopydeskPaste.pasteToHtml(html)), htmls),
    close: () => browser.close(),
  };
}
