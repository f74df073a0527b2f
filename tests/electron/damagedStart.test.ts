import { closeSync, existsSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FakeElectron } from './fakeElectron';
import type { tempDir } from '../support/tempDir';

// main/index.ts starting on a damaged database, against the recording stand-in for `electron`.
const fake = vi.hoisted(() => ({
  current: null as FakeElectron | null,
  dir: null as ReturnType<typeof tempDir> | null,
}));
vi.mock('electron', async () => {
  const { tempDir: makeTempDir } = await import('../support/tempDir');
  const { fakeElectron } = await import('./fakeElectron');
  const { createCore } = await import('../../main/core/createCore');
  fake.dir = makeTempDir();
  const core = createCore({ dataDir: fake.dir.path, appVersion: 'test', host: 'test' });
  for (let n = 0; n < 200; n++)
    await core.dispatch('stories:create', { headline: `Story ${n}`, standfirst: 'x'.repeat(400) });
  await core.dispatch('backups:create', {});
  core.close();
  const fd = openSync(join(fake.dir.path, 'copydesk.db'), 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * 3);
  closeSync(fd);
  fake.current = fakeElectron(fake.dir.path, { messageBox: 0 });
  return { default: fake.current.electron, ...fake.current.electron };
});

let electron: FakeElectron;
beforeAll(async () => {
  await import('../../main/index');
  electron = fake.current!;
  await vi.waitFor(() => expect(electron.exits).toEqual([0]), { timeout: 10_000 });
});
afterAll(() => fake.dir?.remove());

describe('the desktop app on a damaged database', () => {
  it('offers the latest good backup instead of crashing or starting empty, restores it and relaunches', async () => {
    expect(electron.messageBoxes).toHaveLength(1);
    expect(electron.messageBoxes[0]!.buttons![0]).toMatch(/^Restore copydesk-.+\.db$/);
    expect(electron.messageBoxes[0]!.detail).toMatch(/is damaged/);
    expect(electron.windows).toEqual([]);
    expect(electron.errorBoxes).toEqual([]);
    expect(electron.relaunches()).toBe(1);
    const { checkFile } = await import('../../main/db/backups');
    expect(checkFile(join(fake.dir!.path, 'copydesk.db'), true)).toBe('ok');
    expect(readdirSync(fake.dir!.path).some((name) => name.startsWith('copydesk.db.before-restore-'))).toBe(
      true,
    );
    expect(existsSync(join(fake.dir!.path, 'copydesk.db'))).toBe(true);
  });
});
