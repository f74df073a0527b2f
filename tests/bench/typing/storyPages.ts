import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { startServe, stopProcess } from '../../support/serveProcess';

const sentence = 'The council met on Tuesday to discuss the harbour budget and the new night bus routes.';

/** A story body of about `words` words in paragraphs of four sentences. */
export function documentOf(words: number) {
  const perParagraph = sentence.split(' ').length * 4;
  return {
    type: 'doc' as const,
    content: Array.from({ length: Math.ceil(words / perParagraph) }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${sentence} ${sentence} ${sentence} ${sentence}` }],
    })),
  };
}

export const VIEWPORT = { width: 1440, height: 900 };

/** Serves bare TipTap 3 with StarterKit (bareEditor.ts bundled by esbuild) on 127.0.0.1. */
export async function startBarePage(
  dir: string,
): Promise<{ url: string; script: string; close(): Promise<void> }> {
  await build({
    entryPoints: [join(import.meta.dirname, 'bareEditor.ts')],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    outfile: join(dir, 'bare.js'),
    logLevel: 'warning',
  });
  const script = readFileSync(join(dir, 'bare.js'), 'utf8');
  const sourceMap = readFileSync(join(dir, 'bare.js.map'));
  const html = '<!doctype html><meta charset="utf-8"><div id="editor"></div><script src="bare.js"></script>';
  const server = createServer((req, res) => {
    if (req.url === '/bare.js') res.setHeader('Content-Type', 'text/javascript').end(script);
    else if (req.url === '/bare.js.map') res.setHeader('Content-Type', 'application/json').end(sourceMap);
    else res.setHeader('Content-Type', 'text/html').end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    script,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export async function openBare(browser: Browser, url: string, content: unknown): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.goto(url);
  await page.evaluate((doc) => window.startBareEditor(doc), content);
  return page;
}

/** The built `copydesk serve` on a data folder, with someone using it (else it opens on its first-run question). */
export const BENCH_TOKEN = 'bench-token-0123456789abcdef';

export async function startCopydesk(dataDir: string) {
  const token = BENCH_TOKEN;
  const served = await startServe(dataDir, token);
  const rpc = async <T = unknown>(channel: string, input: unknown): Promise<T> => {
    const response = await fetch(`${served.url}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    const answer = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!response.ok || answer.ok === false) throw new Error(`${channel}: ${JSON.stringify(answer)}`);
    return (answer.value ?? answer) as T;
  };
  await rpc('people:create', { name: 'Bench Reporter', role: 'reporter' });
  return {
    url: served.url,
    uiUrl: served.uiUrl,
    rpc,
    stop: () => stopProcess(served.child),
  };
}

export type CopydeskHost = Awaited<ReturnType<typeof startCopydesk>>;

/** Opens a story by its headline in the library, as a reporter does, and waits for its body. */
export async function openStory(browser: Browser, host: CopydeskHost, headline: string): Promise<Page> {
  return showStory(await browser.newPage({ viewport: VIEWPORT }), host, headline);
}

async function showStory(page: Page, host: CopydeskHost, headline: string): Promise<Page> {
  await page.goto(host.uiUrl);
  await page.getByRole('button', { name: new RegExp(headline) }).click();
  await page.getByRole('textbox', { name: 'Story body' }).waitFor();
  return page;
}

/**
 * Bare TipTap put in place of Copydesk's editor, in the app's page with a story open: what the page
 * around the editor (its scrolling pane, flex columns, fields, React's root listeners) costs a keystroke,
 * apart from the editor's own code. The page's CSP is bypassed to run the bare bundle there.
 */
export async function openBareInStoryPane(
  browser: Browser,
  host: CopydeskHost,
  headline: string,
  bareScript: string,
  content: unknown,
): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  const page = await showStory(await context.newPage(), host, headline);
  page.on('close', () => void context.close());
  await page.addScriptTag({ content: bareScript });
  await page.evaluate((doc) => {
    const editor = document.createElement('div');
    editor.id = 'editor';
    editor.className = 'story-editor';
    document.querySelector('.story-editor')!.replaceWith(editor);
    window.startBareEditor(doc);
  }, content);
  return page;
}

/** Puts the caret at the end of the body. */
export async function caretAtEnd(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Story body' }).click();
  await page.keyboard.press('Control+End');
}
