import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '../../shared/domain/story';
import { createDispatch, type Handlers } from '../../main/ipc/dispatch';
import { migrations } from '../../main/db/migrations';
import { paragraph } from '../support/docs';
import { testCore } from '../support/testCore';

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const call = <T = unknown>(channel: string, input?: unknown) => core.call<T>(channel, input);

describe('dispatch round trips', () => {
  it('answers app:info with the version, data directory and schema version', async () => {
    const info = await call('app:info', {});
    expect(info).toMatchObject({
      name: 'Copydesk',
      version: '9.9.9-test',
      dataDir: core.dir,
      schemaVersion: migrations.length,
      host: 'test',
    });
  });

  it('creates, reads and saves a story, deriving the slug, text and word count', async () => {
    const created = await call<Story>('stories:create', { headline: 'Rates rise again' });
    expect(created).toMatchObject({
      headline: 'Rates rise again',
      slug: 'rates-rise-again',
      status: 'draft',
      version: 1,
    });

    core.tick();
    const saved = await call<Story>('stories:save', {
      id: created.id,
      expectedVersion: 1,
      changes: {
        headline: 'Central bank raises rates',
        standfirst: 'A quarter point.',
        body: paragraph('Three short words'),
      },
    });
    expect(saved).toMatchObject({
      version: 2,
      slug: 'central-bank-raises-rates',
      wordCount: 3,
      standfirst: 'A quarter point.',
    });
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    expect(await call('stories:get', { id: created.id })).toEqual(saved);
  });

  it('keeps an embargo time and refuses one that is not a time', async () => {
    const story = await call<Story>('stories:create', { embargoUntil: '2026-04-01T08:00:00.000Z' });
    expect(story.embargoUntil).toBe('2026-04-01T08:00:00.000Z');
    const cleared = await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: 1,
      changes: { embargoUntil: null },
    });
    expect(cleared.embargoUntil).toBeNull();
    const bad = await core.dispatch('stories:save', {
      id: story.id,
      expectedVersion: 2,
      changes: { embargoUntil: 'tomorrow' },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('stops following the headline once the slug is edited', async () => {
    const story = await call<Story>('stories:create', { headline: 'First' });
    const edited = await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: 1,
      changes: { slug: 'my-slug' },
    });
    const renamed = await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: 2,
      changes: { headline: 'Second' },
    });
    expect(edited.slugEdited).toBe(true);
    expect(renamed.slug).toBe('my-slug');
  });

  it('refuses a stale save with a conflict and keeps the first save', async () => {
    const story = await call<Story>('stories:create', {});
    await call('stories:save', { id: story.id, expectedVersion: 1, changes: { headline: 'Tab one' } });
    const stale = await core.dispatch('stories:save', {
      id: story.id,
      expectedVersion: 1,
      changes: { headline: 'Tab two' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', details: { currentVersion: 2 } } });
    expect((await call<Story>('stories:get', { id: story.id })).headline).toBe('Tab one');
  });

  it('pages through stories, most recently changed first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      core.tick();
      ids.push((await call<Story>('stories:create', { headline: `Story ${i}` })).id);
    }
    const first = await call<{ items: Story[]; nextCursor: string | null }>('library:query', { limit: 2 });
    const second = await call<{ items: Story[]; nextCursor: string | null }>('library:query', {
      limit: 2,
      cursor: first.nextCursor,
    });
    const third = await call<{ items: Story[]; nextCursor: string | null }>('library:query', {
      limit: 2,
      cursor: second.nextCursor,
    });
    expect([...first.items, ...second.items, ...third.items].map((s) => s.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();
  });

  it('moves a story to the trash and back', async () => {
    const story = await call<Story>('stories:create', { headline: 'Spare' });
    const trashed = await call<Story>('stories:trash', { id: story.id });
    expect(trashed.trashedAt).not.toBeNull();
    expect((await call<{ items: Story[] }>('library:query', {})).items).toHaveLength(0);
    expect(
      (await call<{ items: Story[] }>('library:query', { filters: { trashed: true } })).items.map(
        (s) => s.id,
      ),
    ).toEqual([story.id]);
    const saveInTrash = await core.dispatch('stories:save', {
      id: story.id,
      expectedVersion: trashed.version,
      changes: { headline: 'x' },
    });
    expect(saveInTrash).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const restored = await call<Story>('stories:restore', { id: story.id });
    expect(restored.trashedAt).toBeNull();
    expect((await call<{ items: Story[] }>('library:query', {})).items.map((s) => s.id)).toEqual([story.id]);
  });
});

describe('dispatch refuses bad calls with a clear error and never throws', () => {
  it.each([
    ['an unknown channel', 'stories:explode', {}, 'not-found', /Unknown channel "stories:explode"/],
    ['a prototype key as channel', '__proto__', {}, 'not-found', /Unknown channel/],
    ['a wrong field type', 'stories:create', { headline: 42 }, 'invalid-input', /headline/],
    ['an unknown field', 'stories:create', { headline: 'x', evil: true }, 'invalid-input', /evil/],
    ['a non-object input', 'stories:get', 'abc', 'invalid-input', /Invalid input for stories:get/],
    ['a malformed id', 'stories:get', { id: '../../etc/passwd' }, 'invalid-input', /story id/],
    ['a missing story', 'stories:get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, 'not-found', /No story/],
    ['a list limit too large', 'library:query', { limit: 100000 }, 'invalid-input', /limit/],
    ['a forged cursor', 'library:query', { cursor: 'bm9wZQ' }, 'invalid-input', /cursor/],
    ['a headline too long', 'stories:create', { headline: 'x'.repeat(301) }, 'invalid-input', /At most 300/],
    ['a bad slug', 'stories:create', { slug: 'Not A Slug' }, 'invalid-input', /slug/i],
    [
      'a body that is not a doc',
      'stories:create',
      { body: { type: 'html', content: [] } },
      'invalid-input',
      /body/,
    ],
    [
      'a body with an unknown node',
      'stories:create',
      { body: { type: 'doc', content: [{ type: 'marquee', content: [] }] } },
      'invalid-input',
      /marquee/,
    ],
  ])('%s', async (_name, channel, input, code, message) => {
    const result = await core.dispatch(channel, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });

  it('leaves the store intact after refused input', async () => {
    const story = await call<Story>('stories:create', { headline: 'Safe' });
    await core.dispatch('stories:save', {
      id: story.id,
      expectedVersion: 1,
      changes: { body: { type: 'doc', content: [{ type: 'nope' }] } },
    });
    expect(await call('stories:get', { id: story.id })).toEqual(story);
  });

  it('turns a crashing handler into an internal error', async () => {
    const handlers = {
      'app:info': () => {
        throw new Error('disk on fire');
      },
    } as unknown as Handlers;
    const dispatch = createDispatch(handlers, () => undefined);
    expect(await dispatch('app:info', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'app:info failed: disk on fire' },
    });
  });
});

describe('settings', () => {
  it('start from defaults, keep what is changed, and refuse bad values', async () => {
    expect(await call('settings:get', {})).toEqual({ requireApproval: true, defaultTargetId: null });
    expect(await call('settings:update', { requireApproval: false })).toEqual({
      requireApproval: false,
      defaultTargetId: null,
    });
    expect(await call('settings:get', {})).toMatchObject({ requireApproval: false });
    expect(await call('settings:update', { defaultTargetId: 'site' })).toEqual({
      requireApproval: false,
      defaultTargetId: 'site',
    });
    const bad = await core.dispatch('settings:update', { requireApproval: 'yes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await core.dispatch('settings:update', { theme: 'dark' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
