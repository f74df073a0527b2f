import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';

declare const CopydeskPaste: { pasteToHtml(html: string): string };

/**
 * The editor's paste parsing (`tests/support/pasteToHtml.ts`) running in real Chromium, whose HTML parser is the one
 * a paste meets. Every request the page would make is refused.
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
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  return {
    paste: (htmls) => page.evaluate((list) => list.map((html) => CopydeskPaste.pasteToHtml(html)), htmls),
    close: () => browser.close(),
  };
}
