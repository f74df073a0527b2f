import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, FIXTURES, cliJson, runCli, useCliScratch } from './cliRunner';

const COMMANDS = ['serve', 'import', 'export', 'publish', 'search', 'backup', 'restore', 'check', 'stats'];

const newDir = useCliScratch();

/** A folder of two Markdown files and one HTML page, as a newsroom might hand over. */
function storyFolder(): string {
  const dir = newDir();
  mkdirSync(join(dir, 'sport'));
  writeFileSync(
    join(dir, 'harbour.md'),
    '# Harbour bridge reopens\n\nThe **harbour** bridge reopened on Monday after repairs.\n',
  );
  writeFileSync(
    join(dir, 'sport', 'final.md'),
    'Cup final goes to extra time\n\nThe final at the harbour stadium went to extra time.\n',
  );
  writeFileSync(
    join(dir, 'council.html'),
    '<html><head><title>Ignored title</title></head><body><h1>Council approves budget</h1><p onclick="evil()">The council <a href="javascript:alert(1)">approved</a> it.</p><script>alert(1)</script></body></html>',
  );
  writeFileSync(join(dir, 'notes.txt'), 'not a story');
  return dir;
}

describe('copydesk: usage and exit codes', { timeout: 120_000 }, () => {
  it.each(COMMANDS)('%s --help prints its usage and exits 0', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: copydesk ${command}`);
    expect(run.stdout).toContain('--data');
  });

  it('exits 2 on an unknown command or option, and 1 on a failure, with the error on stderr', async () => {
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const badOption = await runCli(['stats', '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/unknown option '--colour'/);
    const missing = await runCli(['stats', '--data', join(newDir(), 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/^copydesk: No Copydesk data in /);
  });

  it('takes the data folder from COPYDESK_DATA when --data is not given', async () => {
    const data = newDir();
    await cliJson(['import', storyFolder(), '--data', data]);
    const stats = await runCli(['stats', '--json'], { env: { COPYDESK_DATA: data } });
    expect(JSON.parse(stats.stdout).stories).toBe(3);
  });
});

describe('copydesk import <folder>, search, export', { timeout: 120_000 }, () => {
  let data: string;
  let folder: string;
  beforeAll(async () => {
    data = newDir();
    folder = storyFolder();
    const counts = await cliJson<{ created: number; skipped: Record<string, number> }>([
      'import',
      folder,
      '--data',
      data,
    ]);
    expect(counts.created).toBe(3);
    expect(counts.skipped).toEqual({ 'file.txt': 1 });
  });

  it('takes headlines from <h1>, a leading # or the first line, and cleans the HTML through the schema', async () => {
    const stories = await cliJson<{ headline: string; snippet: unknown }[]>(['search', '', '--data', data]);
    expect(stories.map((s) => s.headline).sort()).toEqual([
      'Council approves budget',
      'Cup final goes to extra time',
      'Harbour bridge reopens',
    ]);
    const council = await runCli(['export', 'council-approves-budget', '--format', 'html', '--data', data]);
    expect(council.code).toBe(0);
    expect(council.stdout).toContain('<h1>Council approves budget</h1>');
    expect(council.stdout).toContain('approved');
    expect(council.stdout).not.toMatch(/<script|onclick|javascript:/);
  });

  it('search ranks by the library query language and marks the matched words in snippets', async () => {
    const results = await cliJson<{ headline: string; snippet: { text: string; match: boolean }[] | null }[]>(
      ['search', 'harbour', '--data', data],
    );
    expect(results.map((r) => r.headline)).toEqual([
      'Harbour bridge reopens',
      'Cup final goes to extra time',
    ]);
    expect(results[1]!.snippet!.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(['harbour']);
    const phrase = await cliJson<unknown[]>(['search', '"extra time"', '--data', data]);
    expect(phrase).toHaveLength(1);
    const text = await runCli(['search', 'harbour', '--data', data]);
    expect(text.stdout).toContain('[Harbour] bridge reopens');
  });

  it('exports Markdown with turndown, and only stories changed since a date with --since', async () => {
    const md = await runCli(['export', 'harbour-bridge-reopens', '--format', 'md', '--data', data]);
    expect(md.stdout).toMatch(/^---\n/);
    expect(md.stdout).toContain('# Harbour bridge reopens');
    expect(md.stdout).toContain('The **harbour** bridge reopened');
    const out = join(newDir(), 'md');
    expect((await runCli(['export', '--format', 'md', '--out', out, '--data', data, '-q'])).code).toBe(0);
    expect(readdirSync(out)).toHaveLength(3);
    const future = await runCli(['export', '--since', '2999-01-01', '--data', data]);
    expect(JSON.parse(future.stdout).stories).toEqual([]);
    const bad = await runCli(['export', '--since', 'yesterday-ish', '--data', data]);
    expect(bad.code).toBe(2);
  });

  it('re-importing the folder updates the same stories', async () => {
    writeFileSync(join(folder, 'harbour.md'), '# Harbour bridge reopens at last\n\nAfter repairs.\n');
    const again = await cliJson<{ created: number; updated: number }>(['import', folder, '--data', data]);
    expect(again).toMatchObject({ created: 0, updated: 3 });
    const headlines = (await cliJson<{ headline: string }[]>(['search', '', '--data', data])).map(
      (s) => s.headline,
    );
    expect(headlines).toHaveLength(3);
    expect(headlines).toContain('Harbour bridge reopens at last');
  });
});

describe('copydesk backup, restore, check, stats', { timeout: 120_000 }, () => {
  it('backs up, restores a backup (keeping the replaced store) and checks the result', async () => {
    const data = newDir();
    await cliJson(['import', join(FIXTURES, 'small-export.xml'), '--data', data, '--no-images']);
    const backup = await cliJson<{ file: string }>(['backup', join(newDir(), 'b.db'), '--data', data]);
    await cliJson(['import', storyFolder(), '--data', data]);
    expect((await cliJson<{ stories: number }>(['stats', '--data', data])).stories).toBe(9);
    const restored = await cliJson<{ previous: string }>(['restore', backup.file, '--data', data]);
    expect(existsSync(restored.previous)).toBe(true);
    const check = await cliJson<{ ok: boolean; schemaVersion: number; counts: { stories: number } }>([
      'check',
      '--data',
      data,
    ]);
    expect(check).toMatchObject({ ok: true, counts: { stories: 6 } });
    const stats = await cliJson<{ byStatus: Record<string, number> }>(['stats', '--data', data]);
    expect(stats.byStatus).toEqual({ draft: 1, published: 5 });
  });

  it('restore refuses a file that is not a Copydesk store and changes nothing', async () => {
    const data = newDir();
    await cliJson(['import', storyFolder(), '--data', data]);
    const junk = join(newDir(), 'junk.db');
    writeFileSync(junk, 'this is not sqlite');
    const run = await runCli(['restore', junk, '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not a SQLite database|cannot be read|damaged/);
    expect((await cliJson<{ stories: number }>(['stats', '--data', data])).stories).toBe(3);
  });

  it('check exits 1 and names the problem when the search index lost a story', async () => {
    const data = newDir();
    await cliJson(['import', storyFolder(), '--data', data]);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(data, 'copydesk.db'));
    db.prepare(
      'DELETE FROM story_search_ids WHERE search_id = (SELECT min(search_id) FROM story_search_ids)',
    ).run();
    db.close();
    const run = await runCli(['check', '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/search index: 1 stories are not indexed/);
  });
});

describe('copydesk publish', { timeout: 120_000 }, () => {
  it('publishes through the outbox to the built-in static site and prints where; refusals exit 1 with the reason', async () => {
    const data = newDir();
    await cliJson(['import', join(FIXTURES, 'small-export.xml'), '--data', data, '--no-images']);
    const run = await runCli(['publish', 'many-categories', '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const page = run.stdout.trim();
    expect(page).toBe(join(data, 'site', 'stories', 'many-categories.html'));
    expect(readFileSync(page, 'utf8')).toContain('Many Categories');
    await cliJson(['import', storyFolder(), '--data', data]);
    const blocked = await runCli(['publish', 'harbour-bridge-reopens', '--data', data]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^copydesk: .*(section|approve)/);
    const missing = await runCli(['publish', 'no-such-story', '--data', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No story with the id or slug "no-such-story"/);
    const badTarget = await runCli(['publish', 'many-categories', '--target', 'Nowhere', '--data', data]);
    expect(badTarget.code).toBe(1);
    expect(badTarget.stderr).toMatch(/No publish target called "Nowhere"/);
  });
});

describe('the data-folder lock', { timeout: 120_000 }, () => {
  let serve: ChildProcess | undefined;
  afterAll(() => {
    serve?.kill('SIGTERM');
  });

  it('refuses to write to a folder a running browser host holds, and writes again once it is gone', async () => {
    const data = newDir();
    serve = spawn(process.execPath, [CLI, 'serve', '--data', data, '--no-open', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: serve.stdout! });
    for await (const line of lines) if (line.startsWith('Copydesk listening on')) break;
    expect(JSON.parse(readFileSync(join(data, 'copydesk.lock'), 'utf8')).pid).toBe(serve.pid);

    const refused = await runCli(['import', storyFolder(), '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`in use by the Copydesk browser host (pid ${serve.pid}`);
    expect((await cliJson<{ stories: number }>(['stats', '--data', data])).stories).toBe(0);

    const exited = new Promise((resolve) => serve!.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
    serve = undefined;
    expect(existsSync(join(data, 'copydesk.lock'))).toBe(false);
    expect((await runCli(['import', storyFolder(), '--data', data])).code).toBe(0);
  });

  it('takes over a lock whose process is gone', async () => {
    const data = newDir();
    writeFileSync(
      join(data, 'copydesk.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, holder: 'a crashed app', since: '' }),
    );
    expect((await runCli(['import', storyFolder(), '--data', data])).code).toBe(0);
  });
});
