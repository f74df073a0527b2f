import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis && process.env.CI) throw new Error('redis-server is missing: run .ci/install-desk.sh');

let redis: ChildProcess | undefined;
let redisDir = '';
const desks: DeskProcess[] = [];

beforeAll(async () => {
  if (!hasRedis) return;
  redisDir = tempDir('redis');
  const port = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitFor(
    () =>
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG',
    10_000,
    'redis',
  );
  desks.push(await startDeskProcess({ redis: url }));
  desks.push(await startDeskProcess({ redis: url, dataDir: desks[0]!.dataDir, firstStart: false }));
});

afterAll(async () => {
  await Promise.all(desks.map((desk) => desk.stop()));
  if (desks[0]) removeDir(desks[0].dataDir);
  redis?.kill();
  if (redisDir) removeDir(redisDir);
});

it.skipIf(!hasRedis)('two desk processes on one Redis: a client of each sees the other’s edit', async () => {
  const [one, two] = desks as [DeskProcess, DeskProcess];
  expect(one.port).not.toBe(two.port);
  const { editor, reporter } = await staffDesk(one);
  const storyId = newStoryId();
  await api(two, '/api/stories', { token: reporter.token, body: { id: storyId } });
  const a = connect(one, reporter.token, `story/${storyId}`);
  const b = connect(two, editor.token, `story/${storyId}`);
  try {
    await Promise.all([a.synced(), b.synced()]);
    a.text.insert(0, 'From the reporter on desk one. ');
    await waitFor(() => b.text.toString().includes('From the reporter'), 5_000, 'desk two to see the edit');
    b.text.insert(b.text.length, 'From the editor on desk two.');
    await waitFor(() => a.text.toString().includes('From the editor'), 5_000, 'desk one to see the edit');
    expect(a.text.toString()).toBe(b.text.toString());
  } finally {
    a.close();
    b.close();
  }
});
