import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CoreEvents } from '../../main/core/coreEvents';
import { openDatabase } from '../../main/db/openDatabase';
import { activityQueries } from '../../main/db/queries/activityQueries';
import { peopleQueries } from '../../main/db/queries/peopleQueries';
import { revisionQueries } from '../../main/db/queries/revisionQueries';
import { settingsQueries } from '../../main/db/queries/settingsQueries';
import { storyQueries } from '../../main/db/queries/storyQueries';
import { createActivityService } from '../../main/services/activity/activityService';
import { createPeopleService } from '../../main/services/people/peopleService';
import { createRevisionRecorder } from '../../main/services/revisions/revisionService';
import { createSettingsService } from '../../main/services/settings/settingsService';
import { createStoryService } from '../../main/services/stories/storyService';
import { createWorkflowService } from '../../main/services/workflow/workflowService';
import { tempDir } from '../support/tempDir';
import { testCore } from '../support/testCore';

/** The workflow service as the publisher sees it, wired by hand on a real database file. */
function wire() {
  const dir = tempDir();
  const now = () => new Date('2026-03-01T09:00:00Z');
  const { db } = openDatabase(join(dir.path, 'copydesk.db'), { now });
  const people = createPeopleService({ queries: peopleQueries(db), now });
  const name = () => people.current()?.name ?? '';
  const activityStore = activityQueries(db);
  const activity = createActivityService({ queries: activityStore, now, actor: name });
  const revisionStore = revisionQueries(db);
  const stories = createStoryService({
    queries: storyQueries(db),
    revisions: createRevisionRecorder({ queries: revisionStore, now }),
    now,
    events: new CoreEvents(),
    author: name,
    afterWrite: [activity.afterWrite],
  });
  const settings = createSettingsService(settingsQueries(db));
  const workflow = createWorkflowService({
    stories,
    people,
    activity,
    activityQueries: activityStore,
    revisionQueries: revisionStore,
    settings,
    now,
  });
  return { people, stories, workflow, activity, dispose: () => (db.close(), dir.remove()) };
}

let core: ReturnType<typeof wire>;
beforeEach(() => {
  core = wire();
});
afterEach(() => core.dispose());

describe('workflow hooks for the publisher', () => {
  it('markPublished moves an approved story to published with a revision, a status change and an activity entry', () => {
    core.people.create({ name: 'Ed Editor', role: 'editor' });
    let story = core.stories.create({ headline: 'Budget' });
    story = core.workflow.transition({
      storyId: story.id,
      action: 'submit',
      expectedVersion: story.version,
      note: '',
    });
    story = core.workflow.transition({
      storyId: story.id,
      action: 'approve',
      expectedVersion: story.version,
      note: '',
    });
    expect(core.workflow.canPublishStory(story.id)).toEqual({ ok: true });
    const published = core.workflow.markPublished(story.id);
    expect(published.status).toBe('published');
    expect(core.workflow.history(story.id)[0]).toMatchObject({
      action: 'publish',
      from: 'approved',
      to: 'published',
    });
    expect(core.activity.list(story.id, 10)[0]).toMatchObject({
      kind: 'publish',
      actor: 'Ed Editor',
      summary: 'Published',
    });
    expect(core.workflow.markPublished(story.id).version).toBe(published.version);
    expect(core.activity.list(story.id, 2).map((a) => [a.kind, a.summary])).toEqual([
      ['publish', 'Republished'],
      ['publish', 'Published'],
    ]);
  });

  it('recordActivity adds a publish entry to the timeline', () => {
    core.people.create({ name: 'Ed Editor', role: 'editor' });
    const story = core.stories.create({ headline: 'Budget' });
    core.activity.recordActivity({
      storyId: story.id,
      kind: 'publish',
      summary: 'Published to the static site',
    });
    expect(core.activity.list(story.id, 10).map((a) => [a.kind, a.summary])).toEqual([
      ['publish', 'Published to the static site'],
      ['created', 'Created the story'],
    ]);
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
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Text.' }] }] },
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
