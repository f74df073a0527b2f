// What the typing benches share: the long story, the copydesk host they type in, and the measurement.
import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { installLatencyProbe } from './typingLatency';

const root = resolve(import.meta.dirname, '..', '..', '..');
export const KEYS = 120;

const sentence = 'The council met on Tuesday to discuss the harbour budget and the new night bus routes.';
export function documentOf(words: number) {
  const perParagraph = sentence.split(' ').length * 4;
  return {
    type: 'doc',
    content: Array.from({ length: Math.ceil(words / perParagraph) }, () => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${sentence} ${sentence} ${sentence} ${sentence}` }],
    })),
  };
}

export async function measure(page: Page): Promise<{ median: number; p95: number }> {
  const editor = page.getByRole('textbox', { name: 'Story body' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.evaluate(installLatencyProbe);
  for (let i = 0; i < KEYS; i++) await page.keyboard.press(i % 12 === 11 ? 'Space' : 'KeyA');
  await page.waitForTimeout(300);
  const samples = (
    await page.evaluate(() => (window as unknown as { latencySamples: number[] }).latencySamples)
  ).sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

export async function copydeskHost(dataDir: string): Promise<{ url: string; token: string; stop(): void }> {
  const token = 'bench-token-0123456789abcdef';
  const child = spawn(
    process.execPath,
    [
      join(root, process.env.COPYDESK_DIST ?? 'dist', 'main', 'cli.cjs'),
      'serve',
      '--data',
      dataDir,
      '--no-open',
    ],
    {
      env: { ...process.env, COPYDESK_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const first = (await createInterface({ input: child.stdout! })[Symbol.asyncIterator]().next())
    .value as string;
  return { url: /(http:\/\/127\.0\.0\.1:\d+)/.exec(first)![1]!, token, stop: () => child.kill() };
}
