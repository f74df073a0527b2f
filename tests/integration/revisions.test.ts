import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Revision, RevisionSummary } from '../../shared/domain/revision';
import type { Story } from '../../shared/domain/story';
import { paragraph } from '../support/docs';
import { testCore } from '../support/testCore';
import { inspectDatabase } from '../support/inspectDatabase';

const MINUTE = 60_000;

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const call = <T = unknown>(channel: string, input?: unknown) => core.call<T>(channel, input);

const list = (storyId: string) => call<RevisionSummary[]>('revisions:list', { storyId });

async function save(story: Story, changes: Record<string, unknown>): Promise<Story> {
  return call<Story>('stories:save', { id: story.id, expectedVersion: story.version, changes });
}

const inspect = <T>(work: (db: Database.Database) => T): T => inspectDatabase(core.dir, work);

describe('revisions', () => {
  it('records revision 1 when a story is created', async () => {
    const story = await call<Story>('stories:create', { headline: 'Rates rise', body: paragraph('One two') });
    expect(await list(story.id)).toEqual([
      {
        storyId: story.id,
        n: 1,
        reason: 'created',
        label: '',
        author: '',
        createdAt: story.createdAt,
        updatedAt: story.createdAt,
        storyVersion: 1,
        headline: 'Rates rise',
        wordCount: 2,
        wordDelta: 0,
      },
    ]);
  });

  it('folds saves within five minutes into one autosave revision, then starts a new one', async () => {
    let story = await call<Story>('stories:create', { headline: 'Draft' });
    for (let i = 1; i <= 5; i++) {
      core.tick(50_000);
      story = await save(story, { headline: `Draft ${i}` });
    }
    let revisions = await list(story.id);
    expect(revisions.map((r) => [r.n, r.reason, r.headline, r.storyVersion])).toEqual([
      [2, 'autosave', 'Draft 5', 6],
      [1, 'created', 'Draft', 1],
    ]);
    expect(Date.parse(revisions[0]!.updatedAt) - Date.parse(revisions[0]!.createdAt)).toBe(4 * 50_000);

    core.tick(5 * MINUTE);
    story = await save(story, { headline: 'Later' });
    revisions = await list(story.id);
    expect(revisions.map((r) => [r.n, r.reason, r.headline, r.storyVersion])).toEqual([
      [3, 'autosave', 'Later', 7],
      [2, 'autosave', 'Draft 5', 6],
      [1, 'created', 'Draft', 1],
    ]);
  });

  it('appends a labelled manual revision on Save version, which the next autosave does not absorb', async () => {
    let story = await call<Story>('stories:create', { headline: 'A' });
    story = await save(story, { headline: 'B' });
    const version = await call<RevisionSummary>('revisions:create', {
      storyId: story.id,
      label: '  Before legal  ',
    });
    expect(version).toMatchObject({ n: 3, reason: 'manual', label: 'Before legal', headline: 'B' });
    expect(version.storyVersion).toBe(story.version);

    core.tick(1000);
    await save(story, { headline: 'C' });
    expect((await list(story.id)).map((r) => [r.n, r.reason, r.label, r.headline])).toEqual([
      [4, 'autosave', '', 'C'],
      [3, 'manual', 'Before legal', 'B'],
      [2, 'autosave', '', 'B'],
      [1, 'created', '', 'A'],
    ]);
  });

  it('lists newest first with the words added or removed since the revision before', async () => {
    let story = await call<Story>('stories:create', { body: paragraph('one two three') });
    story = await save(story, { body: paragraph('one two three four five') });
    await call('revisions:create', { storyId: story.id });
    core.tick(6 * MINUTE);
    await save(story, { body: paragraph('just two') });
    expect((await list(story.id)).map((r) => [r.n, r.wordCount, r.wordDelta])).toEqual([
      [4, 2, -3],
      [3, 5, 0],
      [2, 5, 2],
      [1, 3, 0],
    ]);
    expect(await call<Revision>('revisions:get', { storyId: story.id, n: 4 })).toMatchObject({
      wordDelta: -3,
    });
  });

  it('returns the exact fields and body of the time', async () => {
    const fields = {
      headline: 'Floods close the ring road',
      standfirst: 'Commuters told to stay home.',
      byline: 'Ada Reporter',
      dateline: 'LEEDS',
      credit: 'Agencies',
      slug: 'ring-road-floods',
      sectionId: 'top-news',
      featuredImage: null,
      embargoUntil: null,
      body: paragraph('Water rose overnight.'),
    };
    let story = await call<Story>('stories:create', fields);
    story = await save(story, {
      headline: 'Ring road reopens',
      byline: 'Someone Else',
      sectionId: 'world',
      body: paragraph('The water has gone.'),
    });
    const first = await call<Revision>('revisions:get', { storyId: story.id, n: 1 });
    expect(first.fields).toEqual(fields);
    expect(first).toMatchObject({ n: 1, reason: 'created', headline: fields.headline, wordCount: 3 });
    const second = await call<Revision>('revisions:get', { storyId: story.id, n: 2 });
    expect(second.fields).toMatchObject({
      headline: 'Ring road reopens',
      byline: 'Someone Else',
      sectionId: 'world',
    });
    expect(second.fields.body).toEqual(paragraph('The water has gone.'));
  });

  it('keeps the tags of the time with each revision, and a restore leaves the current tags alone', async () => {
    let story = await call<Story>('stories:create', { headline: 'Tram strike', body: paragraph('Day one.') });
    await call('stories:setTags', { id: story.id, tags: ['Transport', 'Strikes'] });
    story = await save(story, { body: paragraph('Day two.') });
    await call('revisions:create', { storyId: story.id, label: 'Before the deal' });
    await call('stories:setTags', { id: story.id, tags: ['Transport'] });
    core.tick(10 * MINUTE);
    story = await save(story, { body: paragraph('Deal reached.') });

    const tagsOf = async (n: number) =>
      (await call<Revision>('revisions:get', { storyId: story.id, n })).tags;
    expect(await tagsOf(1)).toEqual([]);
    expect(await tagsOf(3)).toEqual(['Transport', 'Strikes']);
    expect(await tagsOf(4)).toEqual(['Transport']);

    await call('revisions:restore', { storyId: story.id, n: 3, expectedVersion: story.version });
    expect(await call('tags:ofStory', { storyId: story.id })).toEqual(['Transport']);
  });

  it('restores an old revision as a new revision, keeping every earlier one', async () => {
    let story = await call<Story>('stories:create', {
      headline: 'Original headline',
      body: paragraph('The original body text'),
    });
    core.tick(6 * MINUTE);
    story = await save(story, { headline: 'Rewritten', body: paragraph('Completely new words here today') });
    const changes: unknown[] = [];
    core.events.on('stories:changed', (event) => changes.push(event));

    core.tick(1000);
    const restored = await call<Story>('revisions:restore', {
      storyId: story.id,
      n: 1,
      expectedVersion: story.version,
    });
    expect(restored).toMatchObject({
      headline: 'Original headline',
      slug: 'original-headline',
      body: paragraph('The original body text'),
      wordCount: 4,
      version: story.version + 1,
    });
    expect(changes).toEqual([{ id: story.id, version: story.version + 1, change: 'saved' }]);
    expect(await call('stories:get', { id: story.id })).toEqual(restored);

    const revisions = await list(story.id);
    expect(revisions.map((r) => [r.n, r.reason, r.label, r.headline, r.storyVersion])).toEqual([
      [3, 'restore', 'Restored revision 1', 'Original headline', restored.version],
      [2, 'autosave', '', 'Rewritten', story.version],
      [1, 'created', '', 'Original headline', 1],
    ]);
    expect((await call<Revision>('revisions:get', { storyId: story.id, n: 2 })).fields.body).toEqual(
      paragraph('Completely new words here today'),
    );
  });

  it('lets the slug follow the headline again after restoring a revision from before it was edited', async () => {
    let story = await call<Story>('stories:create', { headline: 'First take' });
    story = await save(story, { slug: 'hand-made' });
    story = await call<Story>('revisions:restore', {
      storyId: story.id,
      n: 1,
      expectedVersion: story.version,
    });
    expect(story).toMatchObject({ slug: 'first-take', slugEdited: false });
    story = await save(story, { headline: 'Second take' });
    expect(story.slug).toBe('second-take');

    story = await call<Story>('revisions:restore', {
      storyId: story.id,
      n: 2,
      expectedVersion: story.version,
    });
    expect(story).toMatchObject({ headline: 'First take', slug: 'hand-made', slugEdited: true });
  });

  it('refuses a restore from a stale version with a conflict and changes nothing', async () => {
    let story = await call<Story>('stories:create', { headline: 'One' });
    story = await save(story, { headline: 'Two' });
    const stale = await core.dispatch('revisions:restore', { storyId: story.id, n: 1, expectedVersion: 1 });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { currentVersion: story.version } },
    });
    expect(await call('stories:get', { id: story.id })).toEqual(story);
    expect((await list(story.id)).map((r) => r.n)).toEqual([2, 1]);
  });

  it('answers not-found for an unknown story or revision', async () => {
    const story = await call<Story>('stories:create', {});
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    expect(await core.dispatch('revisions:get', { storyId: story.id, n: 7 })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: `Story ${story.id} has no revision 7` },
    });
    expect(
      await core.dispatch('revisions:restore', { storyId: story.id, n: 7, expectedVersion: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'not-found', message: /no revision 7/ } });
    for (const [channel, input] of [
      ['revisions:list', { storyId: missing }],
      ['revisions:get', { storyId: missing, n: 1 }],
      ['revisions:create', { storyId: missing }],
      ['revisions:restore', { storyId: missing, n: 1, expectedVersion: 1 }],
    ] as const) {
      expect(await core.dispatch(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: `No story with id ${missing}` },
      });
    }
    expect(await list(story.id)).toHaveLength(1);
  });

  it('refuses malformed input and records nothing', async () => {
    const story = await call<Story>('stories:create', {});
    for (const [channel, input] of [
      ['revisions:list', {}],
      ['revisions:list', { storyId: '../etc' }],
      ['revisions:get', { storyId: story.id, n: 0 }],
      ['revisions:get', { storyId: story.id, n: 1.5 }],
      ['revisions:create', { storyId: story.id, label: 'x'.repeat(121) }],
      ['revisions:create', { storyId: story.id, reason: 'created' }],
      ['revisions:restore', { storyId: story.id, n: 1 }],
      ['revisions:restore', { storyId: story.id, n: '1', expectedVersion: 1 }],
    ] as const) {
      expect(await core.dispatch(channel, input), `${channel} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect((await list(story.id)).map((r) => r.reason)).toEqual(['created']);
  });

  it('records no revision for moving a story to the trash and back', async () => {
    const story = await call<Story>('stories:create', { headline: 'Spare' });
    await call('stories:trash', { id: story.id });
    await call('stories:restore', { id: story.id });
    expect((await list(story.id)).map((r) => r.n)).toEqual([1]);
  });

  it('writes the story and its revision (or its pending autosave) together or not at all', async () => {
    const story = await call<Story>('stories:create', { headline: 'Safe' });
    inspect((db) =>
      db.exec(
        `CREATE TRIGGER no_revisions BEFORE INSERT ON revisions BEGIN SELECT RAISE(ABORT, 'full'); END;
         CREATE TRIGGER no_pending BEFORE INSERT ON revision_pending BEGIN SELECT RAISE(ABORT, 'full'); END`,
      ),
    );
    core.tick(6 * MINUTE);
    const failedSave = await core.dispatch('stories:save', {
      id: story.id,
      expectedVersion: 1,
      changes: { headline: 'Lost' },
    });
    expect(failedSave).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await call('stories:get', { id: story.id })).toEqual(story);

    const failedCreate = await core.dispatch('stories:create', { headline: 'Never' });
    expect(failedCreate).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await call<{ items: Story[] }>('library:query', {})).items.map((s) => s.id)).toEqual([story.id]);
  });

  it('keeps a two-hour session of 1,000 autosaves of a 3,000-word story to a few compact rows', async () => {
    const vocabulary = Array.from({ length: 600 }, (_, i) =>
      (i * 2654435761).toString(36).slice(0, 3 + (i % 7)),
    );
    let seed = 7;
    const word = () => {
      seed = (seed * 48271) % 2147483647;
      return vocabulary[seed % vocabulary.length]!;
    };
    const paragraphs = Array.from({ length: 60 }, () => Array.from({ length: 50 }, word).join(' '));
    const body = () => ({
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    });

    let story = await call<Story>('stories:create', { headline: 'Long read', body: body() });
    expect(story.wordCount).toBe(3000);
    for (let i = 0; i < 1000; i++) {
      core.tick(7200);
      const p = i % paragraphs.length;
      paragraphs[p] = `${paragraphs[p]!.split(' ').slice(0, 49).join(' ')} ${word()}`;
      story = await save(story, { body: body() });
    }

    const revisions = await list(story.id);
    const stats = inspect((db) => ({
      rows: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM revisions').get()!.n,
      snapshotBytes: db.prepare<[], { n: number }>('SELECT SUM(LENGTH(snapshot)) AS n FROM revisions').get()!
        .n,
      tableBytes: db
        .prepare<[], { n: number }>(`SELECT SUM(pgsize) AS n FROM dbstat WHERE name = 'revisions'`)
        .get()!.n,
      storyJsonBytes: JSON.stringify(story).length,
    }));
    console.log(`1,000 autosaves over 2 h of a 3,000-word story: ${JSON.stringify(stats)}`);
    expect(revisions).toHaveLength(stats.rows);
    expect(stats.rows).toBeLessThanOrEqual(30);
    expect(stats.snapshotBytes).toBeLessThan(stats.rows * stats.storyJsonBytes * 0.6);
    expect(
      (await call<Revision>('revisions:get', { storyId: story.id, n: revisions[0]!.n })).fields.body,
    ).toEqual(story.body);
  });
});
