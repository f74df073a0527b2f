import { afterEach, describe, expect, it } from 'vitest';
import type { Story } from '../../shared/domain/story';
import type { WorkflowAction } from '../../shared/domain/workflow';
import { body, publishingCore, type PublishingCore } from './publishTestKit';

describe('approvals people can rely on, and newsroom settings for editors only', () => {
  let kit: PublishingCore;
  afterEach(() => kit.dispose());

  const people = async () => {
    const reporter = await kit.call('people:create', {
      name: 'Rita Reporter',
      role: 'reporter',
    });
    const editor = await kit.call('people:create', { name: 'Ed Editor', role: 'editor' });
    return {
      asReporter: () => kit.call('people:switch', { id: reporter.id }),
      asEditor: () => kit.call('people:switch', { id: editor.id }),
    };
  };
  const move = (story: Story, action: WorkflowAction) =>
    kit.call('workflow:transition', { storyId: story.id, action, expectedVersion: story.version });

  it('an editor approves a draft directly; an edit after approval needs a new approval before publishing', async () => {
    kit = publishingCore();
    const { asReporter, asEditor } = await people();
    await asEditor();
    let story = await kit.call('stories:create', {
      headline: 'Budget passes',
      sectionId: 'world',
      body: body('The council passed the budget.'),
    });
    story = await move(story, 'approve');
    expect(story.status).toBe('approved');
    const approval = await kit.call('workflow:approval', {
      storyId: story.id,
    });
    expect(approval).toEqual({ revision: expect.any(Number), changedSinceApproval: false });
    expect(
      (
        await kit.refuse('workflow:transition', {
          storyId: story.id,
          action: 'approve',
          expectedVersion: story.version,
        })
      ).message,
    ).toBe('Cannot approve: the story is approved.');

    await asReporter();
    story = await kit.call('stories:save', {
      id: story.id,
      expectedVersion: story.version,
      changes: { body: body('The council passed the budget, narrowly.') },
    });
    expect(story.status).toBe('approved');
    expect(await kit.call('workflow:approval', { storyId: story.id })).toEqual({
      revision: approval.revision,
      changedSinceApproval: true,
    });
    await asEditor();
    const preflight = await kit.call('publish:preflight', {
      storyId: story.id,
    });
    expect(preflight.items.filter((item) => item.level === 'blocker').map((item) => item.code)).toEqual([
      'changed-since-approval',
    ]);
    const refused = await kit.refuse('publish:start', { storyId: story.id, action: 'publish' });
    expect(refused.message).toMatch(/changed after it was approved/);

    story = await move(story, 'approve');
    expect((await kit.call('workflow:approval', { storyId: story.id })).changedSinceApproval).toBe(false);
    await kit.call('publish:start', { storyId: story.id, action: 'publish' });
  });

  it('refuses a reporter the newsroom settings, sections and publish targets, and lets an editor change them', async () => {
    kit = publishingCore();
    const { asReporter, asEditor } = await people();
    await asReporter();
    for (const [channel, input] of [
      ['settings:update', { requireApproval: false }],
      ['sections:create', { name: 'Obituaries' }],
      ['sections:rename', { id: 'world', name: 'Globe' }],
      ['sections:reorder', { ids: ['world'] }],
      ['targets:save', { kind: 'static', id: 'static', name: 'Site' }],
      ['targets:remove', { id: 'static' }],
    ] as const) {
      const refused = await kit.refuse(channel, input as never);
      expect(refused.code, channel).toBe('forbidden');
      expect(refused.message).toMatch(/^Only an editor can change the /);
    }
    expect(await kit.call('settings:get', {})).toMatchObject({ requireApproval: true });
    await asEditor();
    expect(await kit.call('settings:update', { requireApproval: false })).toMatchObject({
      requireApproval: false,
    });
    await kit.call('sections:create', { name: 'Obituaries' });
  });
});
