// Crash harness: types into a story through the browser host, SIGKILLs the host at a random moment
// during typing and autosave, then checks the file: integrity, every save the UI showed as "Saved",
// and how much typing was lost. `npm run test:crash` (needs `npm run build`). CRASH_RUNS=N to shorten.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { BUILT_CLI, startServe, stopProcess } from '../support/serveProcess';
import { tempDir } from '../support/tempDir';

const RUNS = Number(process.env.CRASH_RUNS ?? 50);
/** The autosave delay (1 s) plus a save's round trip: typing older than this must be stored. */
const MAX_LOSS_MS = 1500;
const WORDS =
  'the council voted late on tuesday to close the coast road while crews clear fallen trees'.split(' ');

interface Keystroke {
  t: number;
  text: string;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Records, in the page, the editor's text at each keystroke and each time the status turns to "Saved". */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const editor = document.querySelector('[aria-label="Story body"]')!;
    const status = document.querySelector('.save-state')!;
    const w = window as unknown as { keystrokes: Keystroke[]; saves: Keystroke[] };
    w.keystrokes = [];
    w.saves = [];
    // The editor's DOM, not its input events: a typed key is the editor's own transaction and fires no `input`.
    new MutationObserver(() => w.keystrokes.push({ t: Date.now(), text: editor.textContent ?? '' })).observe(
      editor,
      { childList: true, subtree: true, characterData: true },
    );
    new MutationObserver(() => {
      if (status.textContent === 'Saved') w.saves.push({ t: Date.now(), text: editor.textContent ?? '' });
    }).observe(status, { childList: true, subtree: true, characterData: true });
  });
}

async function main(): Promise<void> {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run npm run build first`);
  const started = Date.now();
  const dir = tempDir('copydesk-crash-');
  const token = randomBytes(24).toString('base64url');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // One context for all runs: the renderer's scripts come from its cache, as in a long-lived window.
  const context = await browser.newContext();
  const stored = new Map<string, string>();
  const losses: number[] = [];
  const failures: string[] = [];
  let savesChecked = 0;
  let keystrokes = 0;

  const inspect = (
    run: number,
    storyId: string,
    saves: Keystroke[],
    typed: Keystroke[],
    killedAt: number,
  ) => {
    const db = new Database(join(dir.path, 'copydesk.db'));
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') failures.push(`run ${run}: integrity_check said ${String(integrity)}`);
      const rows = db.prepare('SELECT id, body_text FROM stories').all() as {
        id: string;
        body_text: string;
      }[];
      const text = new Map(rows.map((row) => [row.id, normalize(row.body_text)]));
      for (const [id, before] of stored)
        if (text.get(id) !== before)
          failures.push(`run ${run}: story ${id} from an earlier run changed or vanished`);
      const now = text.get(storyId) ?? '';
      for (const save of saves) {
        savesChecked++;
        if (!now.startsWith(normalize(save.text)))
          failures.push(
            `run ${run}: the UI said "Saved" for «${normalize(save.text)}» but the file has «${now}»`,
          );
      }
      const firstLost = typed.find((stroke) => !now.startsWith(normalize(stroke.text)));
      const lost = firstLost ? Math.max(0, killedAt - firstLost.t) : 0;
      losses.push(lost);
      if (lost > MAX_LOSS_MS) failures.push(`run ${run}: ${lost} ms of typing lost (limit ${MAX_LOSS_MS})`);
      stored.set(storyId, now);
    } finally {
      db.close();
    }
  };

  try {
    for (let run = 1; run <= RUNS; run++) {
      const host = await startServe(dir.path, token);
      const page = await context.newPage();
      try {
        const rpc = async <T>(channel: string, input: unknown): Promise<T> => {
          const response = await fetch(`${host.url}/rpc/${channel}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
          return ((await response.json()) as { value: T }).value;
        };
        if (run === 1) await rpc('people:create', { name: 'Crash Reporter', role: 'reporter' });
        const storyId = (await rpc<{ id: string }>('stories:create', { headline: `Crash run ${run}` })).id;
        await page.goto(host.uiUrl);
        await page.getByRole('button', { name: new RegExp(`Crash run ${run}\\b`) }).click();
        const editor = page.getByRole('textbox', { name: 'Story body' });
        await editor.click();
        await watch(page);

        let killedAt = 0;
        const killAfter = 500 + Math.random() * 2500;
        const kill = new Promise<void>((resolve) =>
          setTimeout(() => {
            killedAt = Date.now();
            host.child.kill('SIGKILL');
            resolve();
          }, killAfter),
        );
        // Bursts of words with the odd pause, as people type: the pauses let "Saved" show.
        for (let word = 0; killedAt === 0; word++) {
          await page.keyboard.type(`${WORDS[word % WORDS.length]} `, { delay: 15 + Math.random() * 30 });
          if (Math.random() < 0.25) await page.waitForTimeout(200 + Math.random() * 1000);
        }
        await kill;
        await stopProcess(host.child, 'SIGKILL');
        const { saves, typed } = await page.evaluate(() => {
          const w = window as unknown as { keystrokes: Keystroke[]; saves: Keystroke[] };
          return { saves: w.saves, typed: w.keystrokes };
        });
        keystrokes += typed.filter((stroke) => stroke.t <= killedAt).length;
        inspect(
          run,
          storyId,
          saves.filter((save) => save.t <= killedAt),
          typed.filter((stroke) => stroke.t <= killedAt),
          killedAt,
        );
      } finally {
        await page.close();
        await stopProcess(host.child, 'SIGKILL');
      }
    }
  } finally {
    await browser.close();
    dir.remove();
  }

  const sorted = [...losses].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  console.log(
    `crash: ${RUNS} runs, ${RUNS} SIGKILLs, ${keystrokes} keystrokes, ${savesChecked} "Saved" states checked, ` +
      `integrity ok in ${RUNS - failures.filter((f) => f.includes('integrity')).length}/${RUNS}; ` +
      `typing lost per kill: median ${at(0.5)} ms, max ${sorted.at(-1) ?? 0} ms (limit ${MAX_LOSS_MS}); ` +
      `${failures.length} failures; ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (keystrokes === 0)
    failures.push('all runs: no keystroke was seen in the editor, so no loss was measured');
  const failedRuns = new Set(failures.map((failure) => failure.split(':')[0])).size;
  console.log(`crash: ${RUNS - failedRuns} passed, ${failedRuns} failed`);
  if (failures.length) {
    for (const failure of failures) console.error(`crash: FAIL ${failure}`);
    process.exitCode = 1;
  }
}

await main();
