import { afterEach, describe, expect, it } from 'vitest';
import { testCore } from '../support/testCore';
import { body, publishingCore, type PublishingCore } from './publishTestKit';

describe('publishing as a workflow move', () => {
  let kit: PublishingCore;
  afterEach(() => kit.dispose());

  const runJob = async (storyId: string, action: 'publish' | 'unpublish') => {
    await kit.call('publish:start', { storyId, action });
    await kit.runDue();
    kit.tick(60_000);
  };

  it('publishing moves an approved story to published, unpublishing back to approved, each on record', async () => {
    kit = publishingCore();
    await kit.call('people:create', { name: 'Ed Editor', role: 'editor' });
    let story = await kit.call('stories:create', {
      headline: 'Budget',
      sectionId: 'world',
      body: body('Text.'),
    });
    for (const action of ['submit', 'approve'] as const)
      story = await kit.call('workflow:transition', {
        storyId: story.id,
        action,
        expectedVersion: story.version,
        note: '',
      });

    await runJob(story.id, 'publish');
    expect((await kit.call('stories:get', { id: story.id })).status).toBe('published');
    const published = await kit.call('stories:get', { id: story.id });
    await runJob(story.id, 'publish');
    expect((await kit.call('stories:get', { id: story.id })).version).toBe(published.version);
    const spikeLive = await kit.refuse('workflow:transition', {
      storyId: story.id,
      action: 'spike',
      expectedVersion: published.version,
      note: '',
    });
    expect(spikeLive).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Unpublish it first'),
    });
    await runJob(story.id, 'unpublish');

    expect((await kit.call('stories:get', { id: story.id })).status).toBe('approved');
    expect(
      (await kit.call('workflow:history', { storyId: story.id })).map((move) => [
        move.action,
        move.from,
        move.to,
      ]),
    ).toEqual([
      ['unpublish', 'published', 'approved'],
      ['publish', 'approved', 'published'],
      ['approve', 'in_review', 'approved'],
      ['submit', 'draft', 'in_review'],
    ]);
    expect(
      (await kit.call('activity:list', { storyId: story.id, limit: 3 })).map((entry) => [
        entry.kind,
        entry.actor,
        entry.summary,
      ]),
    ).toEqual([
      ['publish', 'Ed Editor', 'Taken off: Built-in static site'],
      ['publish', 'Ed Editor', 'Republished: Built-in static site'],
      ['publish', 'Ed Editor', 'Published: Built-in static site'],
    ]);
  });
});

describe('who may unpublish', () => {
  let kit: PublishingCore;
  afterEach(() => kit.dispose());

  it('refuses a reporter and lets an editor take the story off', async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    const editor = await kit.call('people:create', { name: 'Ed Editor', role: 'editor' });
    const story = await kit.call('stories:create', {
      headline: 'Live',
      sectionId: 'world',
      body: body('Text.'),
    });
    await runJobAs(kit, story.id, 'publish');
    await kit.call('people:create', { name: 'Rita Reporter', role: 'reporter' });
    const refused = await kit.refuse('publish:start', { storyId: story.id, action: 'unpublish' });
    expect(refused).toMatchObject({ code: 'forbidden', message: 'Only an editor can unpublish.' });
    expect((await kit.call('publish:status', { storyId: story.id })).jobs).toHaveLength(1);

    await kit.call('people:switch', { id: editor.id });
    await runJobAs(kit, story.id, 'unpublish');
    expect((await kit.call('publish:status', { storyId: story.id })).publications[0]!.state).toBe(
      'unpublished',
    );
  });
});

async function runJobAs(kit: PublishingCore, storyId: string, action: 'publish' | 'unpublish') {
  await kit.call('publish:start', { storyId, action });
  await kit.runDue();
}

describe('changed since published', () => {
  let kit: PublishingCore;
  afterEach(() => kit.dispose());

  it('follows a tag-only edit, in the toolbar and in the library, until it is republished', async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    const story = await kit.call('stories:create', {
      headline: 'Budget',
      sectionId: 'world',
      body: body('Text.'),
    });
    await kit.call('stories:setTags', { id: story.id, tags: ['Budget'] });
    const changed = async () => [
      (await kit.call('publish:preflight', { storyId: story.id })).publication?.changedSince,
      (await kit.call('library:query', {})).items.find((row) => row.id === story.id)?.changedSincePublished,
    ];
    const publish = async () => {
      await kit.call('publish:start', { storyId: story.id });
      await kit.runDue();
      kit.tick(60_000);
    };

    await publish();
    expect(await changed()).toEqual([false, false]);
    const { version } = await kit.call('stories:get', { id: story.id });
    await kit.call('stories:setTags', { id: story.id, tags: ['Budget', 'Москва'] });
    expect((await kit.call('stories:get', { id: story.id })).version).toBe(version);
    expect(await changed()).toEqual([true, true]);
    await publish();
    expect(await changed()).toEqual([false, false]);
    await kit.call('stories:setTags', { id: story.id, tags: [] });
    expect(await changed()).toEqual([true, true]);
  });
});

describe('who may publish, as the publish pre-flight sees it', () => {
  it('blocks a reporter and lets an editor through', async () => {
    const full = testCore();
    try {
      await full.call('settings:update', { requireApproval: false });
      const story = await full.call<{ id: string }>('stories:create', {
        headline: 'Ready',
        sectionId: 'world',
        body: body('Text.'),
      });
      const blockers = async () =>
        (
          await full.call<{ items: { level: string; code: string }[] }>('publish:preflight', {
            storyId: story.id,
          })
        ).items
          .filter((item) => item.level === 'blocker')
          .map((item) => item.code);
      await full.call('people:create', { name: 'Rita Reporter', role: 'reporter' });
      expect(await blockers()).toEqual(['not-allowed']);
      await full.call('people:create', { name: 'Ed Editor', role: 'editor' });
      expect(await blockers()).toEqual([]);

      const embargoed = await full.call<{ version: number }>('stories:get', { id: story.id });
      await full.call('stories:save', {
        id: story.id,
        expectedVersion: embargoed.version,
        changes: { embargoUntil: '2026-03-02T06:00:00.000Z' },
      });
      const warnings = (
        await full.call<{ items: { level: string; code: string; message: string }[] }>('publish:preflight', {
          storyId: story.id,
        })
      ).items.filter((item) => item.code === 'embargo');
      expect(warnings).toEqual([
        { level: 'warning', code: 'embargo', message: 'The story is embargoed until 2026-03-02 06:00 UTC.' },
      ]);
    } finally {
      full.dispose();
    }
  });
});
