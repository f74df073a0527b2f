import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/createCore';
import { linkQueries } from '../../main/db/queries/linkQueries';
import { mediaQueries } from '../../main/db/queries/mediaQueries';
import { sectionQueries } from '../../main/db/queries/sectionQueries';
import { openDatabase } from '../../main/db/openDatabase';
import { revisionQueries } from '../../main/db/queries/revisionQueries';
import { storyQueries } from '../../main/db/queries/storyQueries';
import { CoreEvents } from '../../main/core/coreEvents';
import { createLinkService } from '../../main/services/links/linkService';
import { createRevisionRecorder } from '../../main/services/revisions/revisionService';
import { storyReferences } from '../../main/services/stories/storyInput';
import { createStoryService } from '../../main/services/stories/storyService';
import type { Story } from '../../shared/domain/story';
import type { StoryLinks } from '../../shared/domain/storyLinks';
import type { LinkCandidate } from '../../shared/ipc/channels/links';
import { tempDir } from '../support/tempDir';
import { testCore } from '../support/testCore';
import { inspectDatabase } from '../support/inspectDatabase';

const MISSING = `01H${'Z'.repeat(23)}`;

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const call = <T = unknown>(channel: string, input?: unknown) => core.call<T>(channel, input);

const text = (value: string, storyId?: string) =>
  storyId
    ? { type: 'text', text: value, marks: [{ type: 'storyLink', attrs: { storyId } }] }
    : { type: 'text', text: value };

/** A body with inline links to `inline` and an also-read block for each of `alsoRead`. */
function body(inline: string[] = [], alsoRead: string[] = []) {
  return {
    type: 'doc' as const,
    content: [
      {
        type: 'paragraph',
        content: [text('See '), ...inline.map((id) => text(`story ${id.slice(-4)}`, id))],
      },
      ...alsoRead.map((storyId) => ({ type: 'alsoRead', attrs: { storyId, headline: 'old headline' } })),
    ],
  };
}

const create = (headline: string, extra: Record<string, unknown> = {}) =>
  call<Story>('stories:create', { headline, ...extra });
const save = (story: Story, changes: Record<string, unknown>) =>
  call<Story>('stories:save', { id: story.id, expectedVersion: story.version, changes });
const linksOf = (id: string) => call<StoryLinks>('links:forStory', { id });

const inspect = <T>(work: (db: Database.Database) => T): T => inspectDatabase(core.dir, work);

const storedLinks = (fromId?: string) =>
  inspect((db) =>
    fromId
      ? db.prepare('SELECT to_id, kind FROM story_links WHERE from_id = ? ORDER BY to_id, kind').all(fromId)
      : db.prepare('SELECT from_id, to_id, kind FROM story_links ORDER BY from_id, to_id, kind').all(),
  );

describe('story links derived on save', () => {
  it('stores inline links and also-read blocks on create and on save', async () => {
    const storm = await create('Storm closes the coast road');
    const bridge = await create('Bridge reopens');
    const roads = await create('Roads report', { body: body([storm.id]) });
    expect(storedLinks(roads.id)).toEqual([{ to_id: storm.id, kind: 'inline' }]);

    await save(roads, { body: body([storm.id, storm.id], [bridge.id, storm.id]) });
    expect(storedLinks(roads.id)).toEqual(
      [
        { to_id: storm.id, kind: 'also_read' },
        { to_id: storm.id, kind: 'inline' },
        { to_id: bridge.id, kind: 'also_read' },
      ].sort((a, b) => a.to_id.localeCompare(b.to_id) || a.kind.localeCompare(b.kind)),
    );
  });

  it('drops the rows of links removed from the body, and ignores links to the story itself', async () => {
    const storm = await create('Storm');
    const bridge = await create('Bridge');
    let roads = await create('Roads', { body: body([storm.id, bridge.id], [bridge.id]) });
    roads = await save(roads, { body: body([bridge.id, roads.id]) });
    expect(storedLinks(roads.id)).toEqual([{ to_id: bridge.id, kind: 'inline' }]);
    await save(roads, { body: body() });
    expect(storedLinks()).toEqual([]);
  });

  it('keeps the links when a save changes only other fields', async () => {
    const storm = await create('Storm');
    const roads = await create('Roads', { body: body([storm.id]) });
    await save(roads, { headline: 'Roads, updated' });
    expect(storedLinks(roads.id)).toEqual([{ to_id: storm.id, kind: 'inline' }]);
  });
});

describe('links:forStory', () => {
  it('lists links to and from a story with current headlines and kinds', async () => {
    const storm = await create('Storm closes the coast road');
    const roads = await create('Roads report', { body: body([storm.id], [storm.id]) });
    const ferry = await create('Ferry cancelled', { body: body([], [storm.id]) });

    await save(storm, { headline: 'Storm: coast road closed' });

    expect(await linksOf(roads.id)).toEqual({
      linksTo: [
        {
          id: storm.id,
          headline: 'Storm: coast road closed',
          status: 'draft',
          kinds: ['also_read', 'inline'],
          state: 'ok',
          broken: false,
        },
      ],
      linkedFrom: [],
    });
    const backlinks = (await linksOf(storm.id)).linkedFrom;
    expect(backlinks.map((link) => [link.headline, link.kinds])).toEqual([
      ['Ferry cancelled', ['also_read']],
      ['Roads report', ['also_read', 'inline']],
    ]);
    expect(backlinks.map((link) => link.id)).toEqual([ferry.id, roads.id]);
  });

  it('shows a trashed target as broken, and sound again once restored', async () => {
    const storm = await create('Storm');
    const roads = await create('Roads', { body: body([storm.id]) });
    await call('stories:trash', { id: storm.id });
    expect((await linksOf(roads.id)).linksTo).toMatchObject([
      { id: storm.id, state: 'trashed', broken: true },
    ]);

    await call('stories:restore', { id: storm.id });
    expect((await linksOf(roads.id)).linksTo).toMatchObject([{ id: storm.id, state: 'ok', broken: false }]);
  });

  it('shows spiked and unknown targets as broken', async () => {
    const storm = await create('Storm');
    const roads = await create('Roads', { body: body([storm.id, MISSING]) });
    inspect((db) => db.prepare(`UPDATE stories SET status = 'spiked' WHERE id = ?`).run(storm.id));
    const { linksTo } = await linksOf(roads.id);
    expect(linksTo.map((link) => [link.id, link.state, link.broken, link.status])).toEqual([
      [MISSING, 'missing', true, null],
      [storm.id, 'spiked', true, 'spiked'],
    ]);
  });

  it('leaves a trashed story out of the backlinks of the stories it points to', async () => {
    const storm = await create('Storm');
    const roads = await create('Roads', { body: body([storm.id]) });
    await call('stories:trash', { id: roads.id });
    expect((await linksOf(storm.id)).linkedFrom).toEqual([]);
    await call('stories:restore', { id: roads.id });
    expect((await linksOf(storm.id)).linkedFrom.map((link) => link.id)).toEqual([roads.id]);
  });

  it('removes the links of a deleted story and shows the links to it as broken', async () => {
    const storm = await create('Storm');
    const roads = await create('Roads', { body: body([storm.id]) });
    const ferry = await create('Ferry', { body: body([roads.id]) });
    inspect((db) => {
      db.pragma('foreign_keys = ON');
      db.prepare('DELETE FROM stories WHERE id = ?').run(roads.id);
    });
    expect((await linksOf(storm.id)).linkedFrom).toEqual([]);
    expect(storedLinks()).toEqual([{ from_id: ferry.id, to_id: roads.id, kind: 'inline' }]);
    expect((await linksOf(ferry.id)).linksTo).toMatchObject([
      { id: roads.id, state: 'missing', broken: true },
    ]);
  });

  it('answers not-found for an unknown story', async () => {
    const result = await core.dispatch('links:forStory', { id: MISSING });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('links:search', () => {
  const search = (query: string, excludeId?: string) =>
    call<LinkCandidate[]>('links:search', excludeId ? { query, excludeId } : { query });

  it('offers headline prefix matches first, then headlines containing every word, newest first', async () => {
    await create('Coast road closed by storm');
    core.tick();
    await create('Storm closes the coast road');
    core.tick();
    await create('Storms ahead for the budget');
    core.tick();
    await create('Weather: storm and coast warnings');
    await create('Unrelated');
    expect((await search('storm')).map((story) => story.headline)).toEqual([
      'Storm closes the coast road',
      'Storms ahead for the budget',
      'Weather: storm and coast warnings',
      'Coast road closed by storm',
    ]);
    expect((await search('COAST storm')).map((story) => story.headline)).toEqual([
      'Weather: storm and coast warnings',
      'Storm closes the coast road',
      'Coast road closed by storm',
    ]);
  });

  it('leaves out the excluded, trashed and spiked stories, and caps the list at ten', async () => {
    const self = await create('Storm one');
    const trashed = await create('Storm two');
    const spiked = await create('Storm three');
    await call('stories:trash', { id: trashed.id });
    inspect((db) => db.prepare(`UPDATE stories SET status = 'spiked' WHERE id = ?`).run(spiked.id));
    for (let i = 0; i < 12; i++) await create(`Storm update ${i}`);
    const found = await search('storm', self.id);
    expect(found).toHaveLength(10);
    expect(found.map((story) => story.id)).not.toContain(self.id);
    expect(found.map((story) => story.id)).not.toContain(trashed.id);
    expect(found.map((story) => story.id)).not.toContain(spiked.id);
  });

  it('lists the most recently changed stories for an empty query', async () => {
    await create('First');
    core.tick();
    await create('Second');
    expect((await search('  ')).map((story) => story.headline)).toEqual(['Second', 'First']);
  });

  it('treats any typed text as words, never as SQL or LIKE patterns', async () => {
    await create('100% rise in "rates" (again)');
    await create('Other');
    for (const query of ['%', '_', `'`, '"rates"', '(again)', 'rise) OR 1=1 --', '\\', '[[']) {
      const found = await search(query);
      expect(
        found.every((story) => story.headline.startsWith('100%')),
        query,
      ).toBe(true);
    }
    expect((await search('100%')).map((story) => story.headline)).toEqual(['100% rise in "rates" (again)']);
    expect(await search('%%')).toEqual([]);
  });
});

describe('the links hook runs inside the story write transaction', () => {
  it('leaves the links as they were when a later step of the same save fails', () => {
    const dir = tempDir();
    const { db } = openDatabase(join(dir.path, DATABASE_FILE));
    try {
      const now = () => new Date('2026-03-01T09:00:00Z');
      const links = createLinkService({ queries: linkQueries(db) });
      let failing = false;
      const stories = createStoryService({
        afterWrite: [
          links.afterWrite,
          () => {
            if (failing) throw new Error('disk full');
          },
        ],
        queries: storyQueries(db),
        revisions: createRevisionRecorder({
          queries: revisionQueries(db),
          now,
          tagsOf: () => [],
          storyOf: storyQueries(db).get,
        }),
        now,
        events: new CoreEvents(),
        author: () => '',
        references: storyReferences(sectionQueries(db), mediaQueries(db)),
      });
      const storm = stories.create({ headline: 'Storm' });
      const bridge = stories.create({ headline: 'Bridge' });
      const roads = stories.create({ headline: 'Roads', body: body([storm.id]) });

      failing = true;
      expect(() =>
        stories.save({ id: roads.id, expectedVersion: roads.version, changes: { body: body([bridge.id]) } }),
      ).toThrow('disk full');
      expect(links.forStory(roads.id).linksTo.map((link) => link.id)).toEqual([storm.id]);
      expect(stories.get(roads.id).version).toBe(roads.version);

      failing = false;
      stories.save({ id: roads.id, expectedVersion: roads.version, changes: { body: body([bridge.id]) } });
      expect(links.forStory(roads.id).linksTo.map((link) => link.id)).toEqual([bridge.id]);
    } finally {
      db.close();
      dir.remove();
    }
  });
});
