import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/domain/person';
import type { RevisionSummary } from '../../shared/domain/revision';
import type { Story, StoryStatus } from '../../shared/domain/story';
import type { QueueItem, StatusChange, WorkflowAction } from '../../shared/domain/workflow';
import type { ActivityEntry } from '../../shared/domain/activity';
import type { Preflight } from '../../shared/ipc/channels/publish';
import { paragraph } from '../support/docs';
import { testCore } from '../support/testCore';

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const call = <T = unknown>(channel: string, input?: unknown) => core.call<T>(channel, input);

async function failure(channel: string, input?: unknown): Promise<{ code: string; message: string }> {
  const result = await core.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return result.error;
}

async function setup() {
  const reporter = await call<Person>('people:create', { name: 'Rita Reporter', role: 'reporter' });
  const editor = await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
  return { reporter, editor };
}

const as = (person: Person) => call<Person>('people:switch', { id: person.id });

const act = (story: Story, action: WorkflowAction, note = '') =>
  call<Story>('workflow:transition', { storyId: story.id, action, expectedVersion: story.version, note });

/** A story in `status`, reached through the workflow as an editor. */
async function storyIn(status: StoryStatus, editor: Person): Promise<Story> {
  await as(editor);
  let story = await call<Story>('stories:create', { headline: 'Budget', body: paragraph('Rates rise') });
  const paths: Partial<Record<StoryStatus, WorkflowAction[]>> = {
    in_review: ['submit'],
    returned: ['submit', 'return'],
    approved: ['submit', 'approve'],
    spiked: ['spike'],
  };
  for (const action of paths[status] ?? []) story = await act(story, action, 'Needs a source');
  return story;
}

const ALLOWED: Record<
  'reporter' | 'editor',
  Partial<Record<StoryStatus, Partial<Record<WorkflowAction, StoryStatus>>>>
> = {
  reporter: {
    draft: { submit: 'in_review' },
    returned: { submit: 'in_review', draft: 'draft' },
  },
  editor: {
    draft: { submit: 'in_review', approve: 'approved', spike: 'spiked' },
    in_review: { approve: 'approved', return: 'returned', draft: 'draft', spike: 'spiked' },
    returned: { submit: 'in_review', approve: 'approved', draft: 'draft', spike: 'spiked' },
    approved: { draft: 'draft', spike: 'spiked' },
    spiked: { restore: 'draft' },
  },
};

const STATES: StoryStatus[] = ['draft', 'in_review', 'returned', 'approved', 'spiked'];
const ACTIONS: WorkflowAction[] = ['submit', 'approve', 'return', 'draft', 'spike', 'restore'];

describe('workflow state machine through the core', () => {
  for (const role of ['reporter', 'editor'] as const) {
    for (const from of STATES) {
      for (const action of ACTIONS) {
        const to = ALLOWED[role][from]?.[action];
        it(`${role}: ${action} from ${from} ${to ? `→ ${to}` : 'is refused'}`, async () => {
          const { reporter, editor } = await setup();
          const story = await storyIn(from, editor);
          expect(story.status).toBe(from);
          await as(role === 'editor' ? editor : reporter);
          const input = {
            storyId: story.id,
            action,
            expectedVersion: story.version,
            note: 'Check the figures',
          };
          if (to) {
            const moved = await call<Story>('workflow:transition', input);
            expect(moved.status).toBe(to);
            expect(moved.version).toBe(story.version + 1);
            expect((await call<Story>('stories:get', { id: story.id })).status).toBe(to);
          } else {
            const error = await failure('workflow:transition', input);
            expect(['forbidden', 'conflict']).toContain(error.code);
            expect(error.message).toMatch(/Only an editor|Cannot/);
            expect((await call<Story>('stories:get', { id: story.id })).status).toBe(from);
          }
        });
      }
    }
  }

  it('refuses a reporter with forbidden and a wrong status with conflict, with clear messages', async () => {
    const { reporter, editor } = await setup();
    const story = await storyIn('in_review', editor);
    await as(reporter);
    expect(
      await failure('workflow:transition', {
        storyId: story.id,
        action: 'approve',
        expectedVersion: story.version,
      }),
    ).toEqual({
      code: 'forbidden',
      message: 'Only an editor can approve a story.',
    });
    await as(editor);
    const approved = await act(story, 'approve');
    expect(
      await failure('workflow:transition', {
        storyId: story.id,
        action: 'approve',
        expectedVersion: approved.version,
      }),
    ).toEqual({
      code: 'conflict',
      message: 'Cannot approve: the story is approved.',
    });
  });

  it('requires a note to return a story, and a person to do anything', async () => {
    const { editor } = await setup();
    const story = await storyIn('in_review', editor);
    const error = await failure('workflow:transition', {
      storyId: story.id,
      action: 'return',
      expectedVersion: story.version,
      note: '  ',
    });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/note/);
  });

  it('tells every window who is using the desk when a person is added or switched to', async () => {
    const seen: (string | null)[] = [];
    core.events.on('people:changed', (event) => seen.push(event.current?.name ?? null));
    const { reporter } = await setup();
    await as(reporter);
    expect(seen).toEqual(['Rita Reporter', 'Ed Editor', 'Rita Reporter']);
    await expect(call('people:switch', { id: '01J0000000000000000000000Z' })).rejects.toThrow('not-found');
    expect(seen).toHaveLength(3);
  });

  it('refuses a transition by nobody', async () => {
    const story = await call<Story>('stories:create', { headline: 'Orphan' });
    const error = await failure('workflow:transition', {
      storyId: story.id,
      action: 'submit',
      expectedVersion: 1,
    });
    expect(error.code).toBe('forbidden');
  });

  it('refuses a transition from a stale version instead of losing a concurrent save', async () => {
    const { reporter } = await setup();
    await as(reporter);
    const story = await call<Story>('stories:create', { headline: 'Budget' });
    const saved = await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: 1,
      changes: { headline: 'Budget 2' },
    });
    const error = await failure('workflow:transition', {
      storyId: story.id,
      action: 'submit',
      expectedVersion: story.version,
    });
    expect(error.code).toBe('conflict');
    const stored = await call<Story>('stories:get', { id: story.id });
    expect([stored.status, stored.headline, stored.version]).toEqual(['draft', 'Budget 2', saved.version]);
  });

  it('restores a spiked story to the state it was in', async () => {
    const { editor } = await setup();
    const approved = await storyIn('approved', editor);
    const spiked = await act(approved, 'spike');
    expect(spiked.status).toBe('spiked');
    expect((await act(spiked, 'restore')).status).toBe('approved');
  });

  it('records who, when, the note, a status revision and an activity entry for every transition', async () => {
    const { reporter, editor } = await setup();
    await as(reporter);
    let story = await call<Story>('stories:create', { headline: 'Budget', body: paragraph('Rates rise') });
    core.tick(60_000);
    story = await act(story, 'submit');
    await as(editor);
    core.tick(60_000);
    story = await act(story, 'return', 'Who said this?');
    const history = await call<StatusChange[]>('workflow:history', { storyId: story.id });
    expect(history.map((h) => [h.action, h.from, h.to, h.person, h.note])).toEqual([
      ['return', 'in_review', 'returned', 'Ed Editor', 'Who said this?'],
      ['submit', 'draft', 'in_review', 'Rita Reporter', ''],
    ]);
    expect(history[0]!.at).toBe('2026-03-01T09:02:00.000Z');
    const revisions = await call<RevisionSummary[]>('revisions:list', { storyId: story.id });
    expect(revisions.map((r) => [r.n, r.reason, r.author, r.label])).toEqual([
      [3, 'status', 'Ed Editor', 'Returned to the reporter: Who said this?'],
      [2, 'status', 'Rita Reporter', 'Submitted for review'],
      [1, 'created', 'Rita Reporter', ''],
    ]);
    expect(history.map((h) => h.revision)).toEqual([3, 2]);
    const activity = await call<ActivityEntry[]>('activity:list', { storyId: story.id });
    expect(activity.map((a) => [a.kind, a.actor, a.summary])).toEqual([
      ['status', 'Ed Editor', 'Returned to the reporter: Who said this?'],
      ['status', 'Rita Reporter', 'Submitted for review'],
      ['created', 'Rita Reporter', 'Created the story'],
    ]);
  });

  it('lists the review queue oldest submission first, for editors only', async () => {
    const { reporter, editor } = await setup();
    await as(reporter);
    const first = await call<Story>('stories:create', {
      headline: 'First',
      sectionId: 'world',
      body: paragraph('One two three'),
    });
    const second = await call<Story>('stories:create', { headline: 'Second' });
    await call<Story>('stories:create', { headline: 'Still a draft' });
    await act(second, 'submit');
    core.tick(60_000);
    await act(first, 'submit');
    expect((await failure('workflow:queue')).code).toBe('forbidden');
    await as(editor);
    const comment = await call<{ id: string }>('comments:create', {
      storyId: first.id,
      text: 'Source?',
      quote: 'One',
    });
    expect(comment.id).toBeTruthy();
    const queue = await call<QueueItem[]>('workflow:queue');
    expect(
      queue.map((q) => [q.headline, q.author, q.sectionId, q.wordCount, q.submittedBy, q.unresolvedComments]),
    ).toEqual([
      ['Second', 'Rita Reporter', null, 0, 'Rita Reporter', 0],
      ['First', 'Rita Reporter', 'world', 3, 'Rita Reporter', 1],
    ]);
  });

  it('lets only an editor publish, and an unapproved story only when approval is not required', async () => {
    const { reporter, editor } = await setup();
    const story = await storyIn('in_review', editor);
    const blockers = async (id: string) =>
      (await call<Preflight>('publish:preflight', { storyId: id })).items
        .filter((item) => item.level === 'blocker')
        .map((item) => item.code);
    expect(await blockers(story.id)).toContain('not-approved');
    const approved = await act(story, 'approve');
    expect(await blockers(story.id)).not.toContain('not-approved');
    await as(reporter);
    expect(await blockers(story.id)).toContain('not-allowed');
    await as(editor);
    await call('settings:update', { requireApproval: false });
    const draft = await call<Story>('stories:create', { headline: 'Quick' });
    expect(await blockers(draft.id)).not.toContain('not-approved');
    expect(approved.status).toBe('approved');
  });
});
