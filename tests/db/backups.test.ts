import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/createCore';
import {
  backupDatabase,
  BACKUPS_KEPT,
  checkFile,
  createBackup,
  listBackups,
  restoreBackup,
} from '../../main/db/backups';
import { AppError } from '../../shared/ipc/errors';
import { tempDir } from '../support/tempDir';

let dir: ReturnType<typeof tempDir>;
const open = (backupIntervalMs = 0) =>
  createCore({ dataDir: dir.path, appVersion: 'test', host: 'test', log: () => undefined, backupIntervalMs });
const dbFile = () => join(dir.path, 'copydesk.db');

async function call<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value as T;
}
const headlines = async (core: Core) =>
  (await call<{ items: { headline: string }[] }>(core, 'library:query', {})).items
    .map((s) => s.headline)
    .sort();

/** Writes garbage over a page in the middle of the file, as a failing disk might. */
function damage(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, offset);
  closeSync(fd);
}

beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('backups', () => {
  it('copies the live database with the online backup API into one verified, private file', async () => {
    const core = open();
    await call(core, 'stories:create', { headline: 'Before the backup' });
    const backup = await call<{ name: string; bytes: number }>(core, 'backups:create');
    await call(core, 'stories:create', { headline: 'After the backup' });
    core.close();
    const file = join(dir.path, 'backups', backup.name);
    expect(checkFile(file, true)).toBe('ok');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT headline FROM stories').all()).toEqual([{ headline: 'Before the backup' }]);
    copy.close();
  });

  it(`keeps the newest ${BACKUPS_KEPT}`, async () => {
    const core = open();
    core.close();
    const db = new Database(dbFile());
    for (let n = 0; n < BACKUPS_KEPT + 3; n++)
      await backupDatabase(db, dir.path, { now: new Date(Date.UTC(2026, 0, 1, 0, n)) });
    db.close();
    const kept = listBackups(dir.path);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]!.name).toContain(`2026-01-01T00-${String(BACKUPS_KEPT + 2).padStart(2, '0')}`);
    expect(kept.map((backup) => backup.name)).not.toContain('copydesk-2026-01-01T00-00-00-000Z.db');
  });

  it('backs up on a schedule', async () => {
    const core = open(150);
    try {
      await expect.poll(() => listBackups(dir.path).length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      expect(listBackups(dir.path).every((backup) => checkFile(backup.file) === 'ok')).toBe(true);
    } finally {
      core.close();
    }
  });

  it('backs up from outside the app (copydesk backup), even while it runs', async () => {
    const core = open();
    await call(core, 'stories:create', { headline: 'Kept by the CLI backup' });
    const backup = await createBackup(dir.path);
    core.close();
    expect(backup.name).toMatch(/-manual\.db$/);
    expect(checkFile(backup.file, true)).toBe('ok');
  });
});

describe('a damaged database at start-up', () => {
  async function damagedWithBackup() {
    const core = open();
    for (let n = 0; n < 300; n++)
      await call(core, 'stories:create', { headline: `Story ${n}`, standfirst: 'x'.repeat(400) });
    const backup = await call<{ name: string }>(core, 'backups:create');
    await call(core, 'stories:create', { headline: 'Written after the backup' });
    core.close();
    return backup;
  }

  it('is refused with the latest good backup offered, the file left as it was', async () => {
    const backup = await damagedWithBackup();
    damage(dbFile(), 4096 * 3);
    const damagedBytes = readFileSync(dbFile());
    let error: unknown;
    try {
      open();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable', details: { backup: backup.name } });
    expect((error as Error).message).toMatch(/is damaged/);
    expect((error as Error).message).toContain(backup.name);
    expect(readFileSync(dbFile()).equals(damagedBytes)).toBe(true);
  });

  it('is refused, not replaced by a new database, when its header is garbage', async () => {
    await damagedWithBackup();
    damage(dbFile(), 0);
    expect(() => open()).toThrow(/is damaged/);
    expect(statSync(dbFile()).size).toBeGreaterThan(100_000);
  });

  it('is refused, not started empty, when the database is missing but its backups are there', async () => {
    const backup = await damagedWithBackup();
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile() + suffix, { force: true });
    expect(() => open()).toThrow(/is missing, but this folder has backups/);
    expect(existsSync(dbFile())).toBe(false);
    restoreBackup(dir.path, backup.name);
    open().close();
    const db = new Database(dbFile(), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 300 });
    db.close();
  });

  it('comes back from the backup with restoreBackup, the damaged file kept beside it', async () => {
    const backup = await damagedWithBackup();
    damage(dbFile(), 4096 * 3);
    const { previous } = restoreBackup(dir.path, backup.name);
    expect(previous && existsSync(previous)).toBe(true);
    open().close();
    const db = new Database(dbFile(), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM stories').get()).toEqual({ n: 300 });
    expect(
      db.prepare("SELECT count(*) AS n FROM stories WHERE headline = 'Written after the backup'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});

describe('restore from the app', () => {
  it('restores the chosen backup when Copydesk next starts', async () => {
    const core = open();
    await call(core, 'stories:create', { headline: 'In the backup' });
    const backup = await call<{ name: string }>(core, 'backups:create');
    await call(core, 'stories:create', { headline: 'After the backup' });
    expect(await call(core, 'backups:restore', { name: backup.name })).toMatchObject({
      restartRequired: true,
    });
    expect(await headlines(core)).toEqual(['After the backup', 'In the backup']);
    core.close();

    const restarted = open();
    expect(await headlines(restarted)).toEqual(['In the backup']);
    expect((await restarted.dispatch('backups:restore', { name: '../copydesk.db' })).ok).toBe(false);
    expect((await restarted.dispatch('backups:restore', { name: 'copydesk-nope.db' })).ok).toBe(false);
    restarted.close();
  });
});
