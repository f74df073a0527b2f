import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/createCore';
import type { Story } from '../../shared/domain/story';
import type { TagWithCount } from '../../shared/domain/tag';
import type { LibraryPage } from '../../shared/ipc/contract';
import { caller } from '../support/libraryCalls';
import { testCore } from '../support/testCore';

let core: ReturnType<typeof testCore>;
let call: ReturnType<typeof caller>;
beforeEach(() => {
  core = testCore();
  call = caller(core);
});
afterEach(() => core.dispose());

const setTags = (id: string, tags: string[]) => call<string[]>('stories:setTags', { id, tags });
const tagsOf = (storyId: string) => call<string[]>('tags:ofStory', { storyId });
const allTags = () => call<TagWithCount[]>('tags:list', {});
const tagNamed = async (name: string) => (await allTags()).find((tag) => tag.name === name)!;
const search = async (text: string) =>
  (await call<LibraryPage>('library:query', { search: text })).items.map((row) => row.headline);

describe('story tags', () => {
  it('trims, drops case-insensitive duplicates and reuses the existing spelling', async () => {
    const a = await call<Story>('stories:create', { headline: 'A' });
    const b = await call<Story>('stories:create', { headline: 'B' });
    expect(await setTags(a.id, ['  Climate   change ', 'climate change', 'Seoul'])).toEqual([
      'Climate change',
      'Seoul',
    ]);
    expect(await setTags(b.id, ['CLIMATE CHANGE'])).toEqual(['Climate change']);
    expect((await allTags()).map((tag) => [tag.name, tag.count])).toEqual([
      ['Climate change', 2],
      ['Seoul', 1],
    ]);
  });

  it('refuses empty and over-long tags with a message, changing nothing', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    await setTags(story.id, ['Kept']);
    const empty = await core.dispatch('stories:setTags', { id: story.id, tags: ['Fine', '   '] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!empty.ok && empty.error.message).toContain('A tag cannot be empty');
    const long = await core.dispatch('stories:setTags', { id: story.id, tags: ['x'.repeat(61)] });
    expect(!long.ok && long.error.message).toContain('at most 60 characters');
    expect(await tagsOf(story.id)).toEqual(['Kept']);
  });

  it('announces the change without bumping the story version, so an open editor does not conflict', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    const seen: unknown[] = [];
    core.events.on('stories:changed', (event) => seen.push(event));
    await setTags(story.id, ['One']);
    expect(seen).toEqual([{ id: story.id, version: story.version, change: 'saved' }]);
    const saved = await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: story.version,
      changes: { headline: 'B' },
    });
    expect(saved.version).toBe(story.version + 1);
  });

  it('refuses tags on an unknown or trashed story', async () => {
    expect(
      await core.dispatch('stories:setTags', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', tags: ['x'] }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const story = await call<Story>('stories:create', { headline: 'A' });
    await call('stories:trash', { id: story.id });
    expect(await core.dispatch('stories:setTags', { id: story.id, tags: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});

describe('tag manager', () => {
  let a: Story;
  let b: Story;
  beforeEach(async () => {
    a = await call<Story>('stories:create', { headline: 'Alpha' });
    b = await call<Story>('stories:create', { headline: 'Beta' });
    await setTags(a.id, ['Economy', 'Seoul']);
    await setTags(b.id, ['economics', 'Busan']);
  });

  it('renames a tag on every story; a case-only rename is allowed, a clash is a conflict', async () => {
    const economy = await tagNamed('Economy');
    expect(await call('tags:rename', { id: economy.id, name: 'ECONOMY' })).toMatchObject({
      name: 'ECONOMY',
      count: 1,
    });
    await call('tags:rename', { id: economy.id, name: 'Markets' });
    expect(await tagsOf(a.id)).toEqual(['Markets', 'Seoul']);
    expect(await search('markets')).toEqual(['Alpha']);
    expect(await core.dispatch('tags:rename', { id: economy.id, name: 'BUSAN' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('merges one tag into another, keeping every story tagged and the search index right', async () => {
    await setTags(a.id, ['Economy', 'Seoul', 'economics']);
    const source = await tagNamed('economics');
    const target = await tagNamed('Economy');
    expect(await call('tags:merge', { sourceId: source.id, targetId: target.id })).toMatchObject({
      name: 'Economy',
      count: 2,
    });
    expect(await tagsOf(a.id)).toEqual(['Economy', 'Seoul']);
    expect(await tagsOf(b.id)).toEqual(['Economy', 'Busan']);
    expect((await allTags()).map((tag) => tag.name)).toEqual(['Busan', 'Economy', 'Seoul']);
    expect(await search('economics')).toEqual([]);
    expect((await search('economy')).sort()).toEqual(['Alpha', 'Beta']);
  });

  it('undoes a merge: the tags split again onto exactly the stories that had them, in their places', async () => {
    // a has both tags, b only the source, c only the target: undo must leave c and a's target alone.
    const c = await call<Story>('stories:create', { headline: 'Gamma' });
    await setTags(a.id, ['Economy', 'Seoul', 'economics']);
    await setTags(c.id, ['Economy']);
    const source = await tagNamed('economics');
    const target = await tagNamed('Economy');
    const merged = await call<{ mergeId: number }>('tags:merge', {
      sourceId: source.id,
      targetId: target.id,
    });
    expect(await tagsOf(b.id)).toEqual(['Economy', 'Busan']);

    const undone = await call<{ source: TagWithCount; target: TagWithCount }>('tags:undoMerge', {
      mergeId: merged.mergeId,
    });
    expect(undone.source).toMatchObject({ name: 'economics', count: 2 });
    expect(undone.target).toMatchObject({ name: 'Economy', count: 2 });
    expect(await tagsOf(a.id)).toEqual(['Economy', 'Seoul', 'economics']);
    expect(await tagsOf(b.id)).toEqual(['economics', 'Busan']);
    expect(await tagsOf(c.id)).toEqual(['Economy']);
    expect((await search('economics')).sort()).toEqual(['Alpha', 'Beta']);
    expect(await core.dispatch('tags:undoMerge', { mergeId: merged.mergeId })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await core.dispatch('tags:undoMerge', { mergeId: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('undoing a merge leaves alone a story whose tags someone changed after the merge', async () => {
    const c = await call<Story>('stories:create', { headline: 'Gamma' });
    await setTags(c.id, ['economics']);
    const source = await tagNamed('economics');
    const target = await tagNamed('Economy');
    const merged = await call<{ mergeId: number }>('tags:merge', {
      sourceId: source.id,
      targetId: target.id,
    });
    expect(await tagsOf(b.id)).toEqual(['Economy', 'Busan']);
    // By hand after the merge: b drops Busan, c gets a tag added (typing in the story does not count).
    await setTags(b.id, ['Economy']);
    await call('tags:addToStory', { storyId: c.id, name: 'Markets' });
    const story = await call<Story>('stories:get', { id: c.id });
    await call('stories:save', {
      id: c.id,
      expectedVersion: story.version,
      changes: { headline: 'Gamma 2' },
    });

    const undone = await call<{ leftAlone: number }>('tags:undoMerge', { mergeId: merged.mergeId });
    expect(undone.leftAlone).toBe(2);
    expect(await tagsOf(b.id)).toEqual(['Economy']);
    expect(await tagsOf(c.id)).toEqual(['Economy', 'Markets']);
  });

  it('undoing a merge still splits a story only edited, not re-tagged, since', async () => {
    const source = await tagNamed('economics');
    const target = await tagNamed('Economy');
    const merged = await call<{ mergeId: number }>('tags:merge', {
      sourceId: source.id,
      targetId: target.id,
    });
    const story = await call<Story>('stories:get', { id: b.id });
    await call('stories:save', { id: b.id, expectedVersion: story.version, changes: { headline: 'Beta 2' } });
    expect(await call('tags:undoMerge', { mergeId: merged.mergeId })).toMatchObject({ leftAlone: 0 });
    expect(await tagsOf(b.id)).toEqual(['economics', 'Busan']);
  });

  it('deletes a tag from every story and from search', async () => {
    const seoul = await tagNamed('Seoul');
    expect(await call('tags:delete', { id: seoul.id })).toEqual({ removedFrom: 1 });
    expect(await tagsOf(a.id)).toEqual(['Economy']);
    expect(await search('seoul')).toEqual([]);
  });

  it('counts live stories only and narrows by prefix for autocomplete', async () => {
    await call('stories:trash', { id: b.id });
    expect((await tagNamed('Busan')).count).toBe(0);
    expect((await call<TagWithCount[]>('tags:list', { prefix: 'ECO' })).map((tag) => tag.name)).toEqual([
      'economics',
      'Economy',
    ]);
    expect(await call<TagWithCount[]>('tags:list', { prefix: '%' })).toEqual([]);
  });

  it('refuses to merge a tag into itself', async () => {
    const seoul = await tagNamed('Seoul');
    expect(await core.dispatch('tags:merge', { sourceId: seoul.id, targetId: seoul.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('keeps the index in step when a story row is deleted outright', async () => {
    const db = new Database(join(core.dir, DATABASE_FILE));
    try {
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM stories WHERE id = ?').run(a.id);
      const rows = db.prepare("SELECT count(*) AS n FROM stories_fts WHERE stories_fts MATCH 'seoul'").get();
      expect(rows).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('one tag at a time, from a window whose list may be stale', () => {
  const add = (storyId: string, name: string) => call<string[]>('tags:addToStory', { storyId, name });
  const remove = (storyId: string, name: string) => call<string[]>('tags:removeFromStory', { storyId, name });

  it('adds and removes single tags, so a list loaded before a rename cannot bring the old tag back', async () => {
    const story = await call<Story>('stories:create', { headline: 'Floods' });
    expect(await add(story.id, 'Climate')).toEqual(['Climate']);
    // Another window renames the tag while this one still shows "Climate".
    await call('tags:rename', { id: (await tagNamed('Climate')).id, name: 'Environment' });
    expect(await add(story.id, 'Weather')).toEqual(['Environment', 'Weather']);
    expect(await remove(story.id, 'Climate')).toEqual(['Environment', 'Weather']);
    expect((await allTags()).map((tag) => tag.name)).toEqual(['Environment', 'Weather']);
    expect(await add(story.id, 'ENVIRONMENT')).toEqual(['Environment', 'Weather']);
    expect(await remove(story.id, 'environment')).toEqual(['Weather']);
  });

  it('refuses a tag past the limit and tags on a trashed story', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    await setTags(
      story.id,
      Array.from({ length: 30 }, (_, i) => `T${i}`),
    );
    expect(await core.dispatch('tags:addToStory', { storyId: story.id, name: 'One more' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await call('stories:trash', { id: story.id });
    expect(await core.dispatch('tags:removeFromStory', { storyId: story.id, name: 'T1' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('announces tags:changed for every tag write and never for a plain story save', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    const seen: unknown[] = [];
    core.events.on('tags:changed', (event) => seen.push(event));
    await add(story.id, 'Climate');
    const climate = await tagNamed('Climate');
    expect(seen).toEqual([{ tagIds: [climate.id] }]);
    await add(story.id, 'climate');
    await call('stories:save', { id: story.id, expectedVersion: story.version, changes: { headline: 'B' } });
    expect(seen).toHaveLength(1);
    await remove(story.id, 'Climate');
    await setTags(story.id, ['Climate']);
    expect(seen).toHaveLength(3);
  });
});

describe('tags beyond ASCII', () => {
  it('treats names that differ only in case as one tag in every script', async () => {
    const a = await call<Story>('stories:create', { headline: 'A' });
    const b = await call<Story>('stories:create', { headline: 'B' });
    await setTags(a.id, ['Économie', 'Österreich']);
    expect(await setTags(b.id, ['économie', 'ÖSTERREICH', 'österreich'])).toEqual(['Économie', 'Österreich']);
    expect((await allTags()).map((tag) => [tag.name, tag.count])).toEqual([
      ['Économie', 2],
      ['Österreich', 2],
    ]);
    expect((await call<LibraryPage>('library:query', { filters: { tag: 'économie' } })).items).toHaveLength(
      2,
    );
  });

  it('finds "Économie" when autocompleting "é"', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    await setTags(story.id, ['Économie', 'Ecology']);
    expect((await call<TagWithCount[]>('tags:list', { prefix: 'é' })).map((tag) => tag.name)).toEqual([
      'Économie',
    ]);
    expect((await call<TagWithCount[]>('tags:list', { prefix: 'ÉCO' })).map((tag) => tag.name)).toEqual([
      'Économie',
    ]);
  });

  it('renames to a name that differs only in case; another tag differing only in case is a conflict', async () => {
    const story = await call<Story>('stories:create', { headline: 'A' });
    await setTags(story.id, ['Économie', 'Economy']);
    const economie = await tagNamed('Économie');
    expect(await call('tags:rename', { id: economie.id, name: 'ÉCONOMIE' })).toMatchObject({
      name: 'ÉCONOMIE',
    });
    expect(await tagsOf(story.id)).toEqual(['ÉCONOMIE', 'Economy']);
    const economy = await tagNamed('Economy');
    expect(await core.dispatch('tags:rename', { id: economy.id, name: 'économie' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
