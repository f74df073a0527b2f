import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { retryDelay } from '../../shared/domain/publishJob';
import { SECRET_KEY_FILE } from '../../main/publish/secrets/fileSecretBox';
import { safeStorageSecretBox } from '../../main/publish/secrets/safeStorageSecretBox';
import type { PublishJob } from '../../shared/domain/publication';
import { tempDir } from '../support/tempDir';
import { body, publishingCore, type PublishingCore } from './publishTestKit';

const PASSWORD = 'Zq9X w7Lm Pp3R tT8v Kk2N yY6b';

describe('publish outbox and secrets', () => {
  let kit: PublishingCore | undefined;
  afterEach(() => kit?.dispose());

  it('makes a scheduled publication live when the running worker reaches its time, and reading never does', async () => {
    kit = publishingCore(new Date('2026-03-01T09:00:00Z'), { startWorker: true });
    await kit.call('settings:update', { requireApproval: false });
    const story = await kit.call('stories:create', {
      headline: 'Harbour opens at noon',
      sectionId: 'politics',
      body: body('The harbour opens.'),
    });
    // A publication as a schedule job leaves it on a site (the static site itself cannot schedule).
    const noon = Date.parse('2026-03-01T12:00:00Z');
    const db = new Database(join(kit.dir, 'copydesk.db'));
    db.prepare(
      `INSERT INTO publications (story_id, target_id, state, remote_id, remote_url, published_version,
         published_at, scheduled_for, snapshot) VALUES (?, 'static', 'scheduled', 'x', 'https://site/x', ?, ?, ?, '{"tags":[]}')`,
    ).run(story.id, story.version, Date.parse('2026-03-01T09:00:00Z'), noon);
    db.close();
    kit.restart();
    await expect.poll(() => kit!.clock.pendingTimers).toBe(1);
    const state = async () =>
      (await kit!.call('publish:status', { storyId: story.id })).publications[0]?.state;

    kit.tick(noon - Date.parse('2026-03-01T09:00:00Z') - 1);
    await kit.call('publish:preflight', { storyId: story.id, targetId: 'static' });
    expect(await state()).toBe('scheduled');
    expect((await kit.call('stories:get', { id: story.id })).status).toBe('draft');

    kit.tick(1);
    expect(await state()).toBe('published');
    expect((await kit.call('stories:get', { id: story.id })).status).toBe('published');
    expect(kit.clock.pendingTimers).toBe(0);
  });

  it('keeps the application password encrypted under a key file only its user can read', async () => {
    kit = publishingCore();
    const target = await kit.call('targets:save', {
      kind: 'wordpress',
      url: 'http://127.0.0.1:9/',
      userName: 'editor',
      password: PASSWORD,
    });
    expect(target).toMatchObject({ hasSecret: true, url: 'http://127.0.0.1:9', name: '127.0.0.1:9' });
    expect(JSON.stringify(await kit.call('targets:list', {}))).not.toContain(PASSWORD);
    expect(statSync(join(kit.dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    kit.restart();
    for (const file of ['copydesk.db', 'copydesk.db-wal'])
      expect(readFileSync(join(kit.dir, file)).includes(Buffer.from(PASSWORD.slice(0, 14)))).toBe(false);

    const renamed = await kit.call('targets:save', {
      id: target.id,
      kind: 'wordpress',
      url: 'http://127.0.0.1:9',
      userName: 'editor',
    });
    expect(renamed.hasSecret).toBe(true);
    const moved = await kit.refuse('targets:save', {
      id: target.id,
      kind: 'wordpress',
      url: 'http://127.0.0.1:8',
      userName: 'editor',
    });
    expect(moved.message).toMatch(/password again/);
    const elsewhere = await kit.refuse('targets:test', {
      id: target.id,
      url: 'http://127.0.0.1:8',
      userName: 'editor',
    });
    expect(elsewhere.code).toBe('invalid-input');
    const refused = await kit.refuse('targets:test', {
      id: target.id,
      url: 'http://127.0.0.1:9',
      userName: 'editor',
    });
    expect(refused).toMatchObject({ code: 'unavailable' });
    expect(refused.message).not.toContain(PASSWORD);
    expect((await kit.refuse('targets:remove', { id: 'static' })).code).toBe('invalid-input');
    expect(await kit.call('targets:remove', { id: target.id })).toEqual({ removed: true });
  });

  it('seals with Electron safeStorage when the host gives it', () => {
    const fake = {
      available: true,
      isEncryptionAvailable: () => fake.available,
      encryptString: (text: string) => Buffer.from([...Buffer.from(text)].reverse()),
      decryptString: (data: Buffer) => Buffer.from([...data].reverse()).toString(),
    };
    const box = safeStorageSecretBox(fake);
    const sealed = box.seal(PASSWORD);
    expect(sealed).not.toContain(PASSWORD);
    expect(box.open(sealed)).toBe(PASSWORD);
    fake.available = false;
    expect(() => box.seal(PASSWORD)).toThrow(/keychain/);
  });

  it('backs off exponentially with jitter, up to ten minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelay(1, () => 0)).toBe(1_000);
    expect(retryDelay(30, () => 1)).toBe(600_000);
  });

  it('sends a job again that a crash left running, and marks the story published', async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    const story = await kit.call('stories:create', {
      headline: 'Crash test',
      sectionId: 'world',
      body: body('Text.'),
    });
    const job = await kit.call('publish:start', { storyId: story.id });
    kit.core.close();
    const db = new Database(join(kit.dir, 'copydesk.db'));
    db.prepare("UPDATE publish_jobs SET state = 'running', attempts = 1 WHERE id = ?").run(job.id);
    db.close();
    kit.restart();
    expect((await kit.call('publish:status', { storyId: story.id })).jobs[0]).toMatchObject({
      state: 'waiting',
      attempts: 1,
    });
    await kit.runDue();
    expect((await kit.call('publish:status', { storyId: story.id })).jobs[0]).toMatchObject({
      state: 'done',
      attempts: 2,
    });
    expect((await kit.call('stories:get', { id: story.id })).status).toBe('published');
    expect(
      (
        await kit.refuse('publish:start', {
          storyId: story.id,
          action: 'schedule',
          at: '2030-01-01T00:00:00.000Z',
        })
      ).message,
    ).toMatch(/cannot schedule/);
  });

  it('publishes a story to the target chosen for it while others keep the default', async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    const wordpress = await kit.call('targets:save', {
      kind: 'wordpress',
      url: 'http://127.0.0.1:9',
      userName: 'editor',
      password: PASSWORD,
    });
    await kit.call('settings:update', { defaultTargetId: wordpress.id });
    const story = await kit.call('stories:create', {
      headline: 'Ferry',
      sectionId: 'sport',
      body: body('On time.'),
    });
    const other = await kit.call('stories:create', {
      headline: 'Tram',
      sectionId: 'sport',
      body: body('Late.'),
    });
    expect(await kit.call('publish:preflight', { storyId: story.id })).toMatchObject({
      target: { id: wordpress.id },
      chosenForStory: false,
    });

    const chosen = await kit.call('publish:chooseTarget', { storyId: story.id, targetId: 'static' });
    expect(chosen).toMatchObject({ target: { id: 'static' }, chosenForStory: true });
    kit.restart();
    expect((await kit.call('publish:preflight', { storyId: story.id })).target.id).toBe('static');
    expect((await kit.call('publish:preflight', { storyId: other.id })).target.id).toBe(wordpress.id);
    const job = await kit.call('publish:start', { storyId: story.id });
    expect(job.targetId).toBe('static');
    await kit.runDue();
    expect(existsSync(join(kit.dir, 'site', 'stories', 'ferry.html'))).toBe(true);

    await kit.call('publish:chooseTarget', { storyId: story.id, targetId: wordpress.id });
    await kit.call('targets:remove', { id: wordpress.id });
    expect(await kit.call('publish:preflight', { storyId: story.id })).toMatchObject({
      target: { id: 'static' },
      chosenForStory: false,
    });
    expect((await kit.refuse('publish:chooseTarget', { storyId: story.id, targetId: 'nope' })).code).toBe(
      'not-found',
    );
    expect(
      (await kit.refuse('publish:chooseTarget', { storyId: '01J0000000000000000000000Z', targetId: null }))
        .code,
    ).toBe('not-found');
  });

  it('runs on its own in a core that starts the worker', async () => {
    const dir = tempDir('copydesk-publish-auto-');
    const core = createCore({ dataDir: dir.path, appVersion: 'test', host: 'test', log: () => undefined });
    try {
      await core.dispatch('settings:update', { requireApproval: false });
      const created = await core.dispatch('stories:create', {
        headline: 'On its own',
        sectionId: 'sport',
        body: body('Goal.'),
      });
      if (!created.ok) throw new Error(created.error.message);
      const done = new Promise<PublishJob>((resolve) =>
        core.events.on('publish:progress', (job) => job.state === 'done' && resolve(job)),
      );
      const started = await core.dispatch('publish:start', { storyId: (created.value as { id: string }).id });
      expect(started).toMatchObject({ ok: true, value: { state: 'queued' } });
      expect((await done).resultUrl).toBe('stories/on-its-own.html');
      expect(readFileSync(join(dir.path, 'site', 'stories', 'on-its-own.html'), 'utf8')).toContain(
        '<h1>On its own</h1>',
      );
    } finally {
      core.close();
      dir.remove();
    }
  });
});
