import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  api,
  connect,
  freePort,
  newStoryId,
  removeDir,
  staffDesk,
  startDeskProcess,
  tempDir,
  waitFor,
  type DeskProcess,
} from './deskKit';

// Debian's PostgreSQL (.ci/install-desk.sh); it refuses to run as root, so it runs as `postgres`.
const BIN = '/usr/lib/postgresql/15/bin';
const hasPostgres = existsSync(join(BIN, 'postgres'));
if (!hasPostgres && process.env.CI) throw new Error('PostgreSQL 15 is missing: run .ci/install-desk.sh');
const postgresUser = (): { uid?: number; gid?: number } => {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
};

let postgres: ChildProcess | undefined;
let pgDir = '';
let url = '';
let desk: DeskProcess | undefined;

beforeAll(async () => {
  if (!hasPostgres) return;
  pgDir = tempDir('postgres');
  chmodSync(pgDir, 0o777);
  const user = postgresUser();
  const initialized = spawnSync(
    join(BIN, 'initdb'),
    ['-D', join(pgDir, 'data'), '-A', 'trust', '-U', 'desk'],
    {
      encoding: 'utf8',
      cwd: pgDir,
      ...user,
    },
  );
  if (initialized.status !== 0) throw new Error(`initdb failed: ${initialized.stderr}`);
  const port = await freePort();
  const args = ['-D', join(pgDir, 'data'), '-p', String(port), '-k', pgDir, '-h', '127.0.0.1'];
  postgres = spawn(join(BIN, 'postgres'), args, { stdio: 'ignore', cwd: pgDir, ...user });
  url = `postgres://desk@127.0.0.1:${port}/postgres`;
  await waitFor(
    () => spawnSync(join(BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0,
    30_000,
    'postgres',
  );
});

afterAll(async () => {
  await desk?.stop('SIGKILL');
  if (desk) removeDir(desk.dataDir);
  if (postgres && postgres.exitCode === null) {
    const exited = new Promise((done) => postgres!.once('exit', done));
    postgres.kill('SIGINT');
    await exited;
  }
  if (pgDir) removeDir(pgDir);
});

it.skipIf(!hasPostgres)('keeps the documents in PostgreSQL with --postgres, through a SIGKILL', async () => {
  desk = await startDeskProcess({ postgres: url });
  const { reporter } = await staffDesk(desk);
  const storyId = newStoryId();
  await api(desk, '/api/stories', { token: reporter.token, body: { id: storyId } });
  const writer = connect(desk, reporter.token, `story/${storyId}`);
  await writer.synced();
  for (let i = 0; i < 50; i++) writer.text.insert(writer.text.length, `line ${i}. `);
  await writer.synced();
  writer.close();
  await desk.stop('SIGKILL');

  const sqlite = new Database(join(desk.dataDir, 'desk.db'), { readonly: true });
  expect(sqlite.prepare('SELECT count(*) AS n FROM doc_updates').get()).toEqual({ n: 0 });
  sqlite.close();

  desk = await startDeskProcess({ postgres: url, dataDir: desk.dataDir, firstStart: false });
  const reader = connect(desk, reporter.token, `story/${storyId}`);
  try {
    await reader.synced();
    expect(reader.text.toString()).toContain('line 49. ');
  } finally {
    reader.close();
  }
});
