import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIVE_RACE_MS } from '../../main/services/desk/fieldOverwrites';
import { slugify } from '../../shared/domain/slug';
import type { Story } from '../../shared/domain/story';
import type { DeskStoryState } from '../../shared/ipc/channels/desk';
import { paragraphs } from '../support/libraryCalls';
import { removeDir, startDeskProcess, tempDir, type DeskProcess } from './deskKit';
import { bodyText, deskMachines, eventually, type DeskMachine, joinEditorAndReporter } from './deskMachines';

/** Two machines: each a core on its own data folder, joined to one desk process on loopback. */
let desk: DeskProcess;
const reporterDir = tempDir('reporter');
const editorDir = tempDir('editor');
const { machine, closeAll } = deskMachines();
type Machine = DeskMachine;

let reporter: Machine;
let editor: Machine;
let storyId: string;

beforeAll(async () => {
  desk = await startDeskProcess();
  ({ editor, reporter } = await joinEditorAndReporter(desk, machine, {
    editor: editorDir,
    reporter: reporterDir,
  }));
});

afterAll(async () => {
  closeAll();
  await desk?.stop();
  for (const dir of [reporterDir, editorDir, desk?.dataDir]) if (dir) removeDir(dir);
});

it('the reporter writes and submits; the editor’s machine gets the story and its status', async () => {
  const story = await reporter.call<Story>('stories:create', {
    headline: 'Council passes the budget',
    body: paragraphs('The council passed the budget on Monday.'),
  });
  storyId = story.id;
  await reporter.call('desk:share', { storyId });
  const submitted = await reporter.call<DeskStoryState>('desk:transition', { storyId, action: 'submit' });
  expect(submitted).toMatchObject({ status: 'in_review', pending: [] });
  const seen = await eventually(
    () => editor.story(storyId),
    (s) => s?.status === 'in_review' && bodyText(s).includes('passed the budget on Monday'),
    'the editor to see the submitted story',
  );
  expect(seen!.headline).toBe('Council passes the budget');
  const refused = await reporter.core.dispatch('desk:transition', { storyId, action: 'approve' });
  expect(refused.ok).toBe(true);
  expect((await reporter.state(storyId)).pending).toEqual([
    expect.objectContaining({ action: 'approve', state: 'refused' }),
  ]);
});

it('the people are the desk’s: each machine is used by the member who joined it', async () => {
  for (const [m, name] of [
    [editor, 'Eda Editor'],
    [reporter, 'Rey Reporter'],
  ] as const) {
    await eventually(
      () => m.call<{ name: string } | null>('people:current', {}),
      (p) => p?.name === name,
      `${name} as the current person`,
    );
    await eventually(
      () => m.call<{ name: string }[]>('people:list', {}),
      (list) => ['Eda Editor', 'Rey Reporter'].every((n) => list.some((p) => p.name === n)),
      'the desk’s people on this machine',
    );
  }
});

it('a comment, its reply and its resolution travel between the machines through the doc’s log', async () => {
  type Thread = { id: string; text: string; author: string; resolved: boolean; replies: { text: string }[] };
  const comment = await editor.call<Thread>('comments:create', {
    storyId,
    text: 'Which Monday?',
    quote: 'on Monday',
  });
  const seen = await eventually(
    () => reporter.call<Thread[]>('comments:list', { storyId }),
    (list) => list.some((c) => c.id === comment.id),
    'the editor’s comment on the reporter’s machine',
  );
  expect(seen[0]).toMatchObject({ text: 'Which Monday?', author: 'Eda Editor', resolved: false });
  await reporter.call('comments:reply', { commentId: comment.id, text: 'The 3rd' });
  await reporter.call('comments:resolve', { commentId: comment.id, resolved: true });
  const back = await eventually(
    () => editor.call<Thread[]>('comments:list', { storyId }),
    (list) => list[0]?.resolved === true && list[0].replies.length === 1,
    'the reply and the resolution on the editor’s machine',
  );
  expect(back[0]!.replies[0]!.text).toBe('The 3rd');
});

it('an edited comment and a deleted one reach the other machine through the log', async () => {
  type Thread = { id: string; text: string; replies: { text: string }[] };
  const [first] = await editor.call<Thread[]>('comments:list', { storyId });
  await editor.call('comments:edit', { commentId: first!.id, text: 'Which Monday: the 3rd or the 10th?' });
  await eventually(
    () => reporter.call<Thread[]>('comments:list', { storyId }),
    (list) => list.find((c) => c.id === first!.id)?.text === 'Which Monday: the 3rd or the 10th?',
    'the edited text on the reporter’s machine',
  );
  await editor.call('comments:edit', { commentId: first!.id, text: 'Which Monday: the 3rd?' });
  await eventually(
    () => reporter.call<Thread[]>('comments:list', { storyId }),
    (list) => list.find((c) => c.id === first!.id)?.text === 'Which Monday: the 3rd?',
    'a second edit on the reporter’s machine',
  );

  const passing = await reporter.call<Thread>('comments:create', {
    storyId,
    text: 'Add the vote count?',
    quote: 'passed the budget',
  });
  await eventually(
    () => editor.call<Thread[]>('comments:list', { storyId }),
    (list) => list.some((c) => c.id === passing.id),
    'the reporter’s new comment on the editor’s machine',
  );
  await reporter.call('comments:delete', { commentId: passing.id });
  const left = await eventually(
    () => editor.call<Thread[]>('comments:list', { storyId }),
    (list) => !list.some((c) => c.id === passing.id),
    'the deleted comment gone from the editor’s machine',
  );
  // The other thread, its edit and its reply are untouched.
  expect(left.find((c) => c.id === first!.id)).toMatchObject({
    text: 'Which Monday: the 3rd?',
    replies: [{ text: 'The 3rd' }],
  });
  expect((await reporter.call<Thread[]>('comments:list', { storyId })).map((c) => c.id)).not.toContain(
    passing.id,
  );
});

it('a reply its author edits, then deletes, changes the same way on the other machine; the comment stays', async () => {
  type Thread = { id: string; text: string; replies: { id: string; text: string }[] };
  const [first] = await reporter.call<Thread[]>('comments:list', { storyId });
  const reply = first!.replies.find((r) => r.text === 'The 3rd')!;
  await reporter.call('comments:edit', { commentId: reply.id, text: 'The 3rd, at noon' });
  await eventually(
    () => editor.call<Thread[]>('comments:list', { storyId }),
    (list) => list.find((c) => c.id === first!.id)?.replies[0]?.text === 'The 3rd, at noon',
    'the edited reply on the editor’s machine',
  );
  await reporter.call('comments:delete', { commentId: reply.id });
  const left = await eventually(
    () => editor.call<Thread[]>('comments:list', { storyId }),
    (list) => list.find((c) => c.id === first!.id)?.replies.length === 0,
    'the deleted reply gone from the editor’s machine',
  );
  expect(left.find((c) => c.id === first!.id)).toMatchObject({ text: 'Which Monday: the 3rd?' });
});

it('tags travel beside the body: added on one machine, changed on the other, both in the same order', async () => {
  const tagsOf = (m: Machine) => () => m.call<string[]>('tags:ofStory', { storyId });
  const same = (wanted: string[]) => (tags: string[]) => tags.join('|') === wanted.join('|');
  await reporter.call('stories:setTags', { id: storyId, tags: ['Budget', 'Council'] });
  await eventually(
    tagsOf(editor),
    same(['Budget', 'Council']),
    'the reporter’s tags on the editor’s machine',
  );

  await editor.call('tags:removeFromStory', { storyId, name: 'Budget' });
  await editor.call('tags:addToStory', { storyId, name: 'City hall' });
  await eventually(
    tagsOf(reporter),
    same(['Council', 'City hall']),
    'the editor’s change on the reporter’s machine',
  );
  // The library's tag filter follows the projected tags.
  const page = await reporter.call<{ items: { id: string }[] }>('library:query', {
    filters: { tag: 'City hall' },
  });
  expect(page.items.map((row) => row.id)).toContain(storyId);
});

it('a headline from the other machine moves the slug there without making it “edited”; a slug someone typed stays', async () => {
  const save = async (m: Machine, changes: Partial<Story>) => {
    const story = (await m.story(storyId))!;
    return m.call<Story>('stories:save', { id: storyId, expectedVersion: story.version, changes });
  };
  await save(reporter, { headline: 'Council passes its budget' });
  const there = await eventually(
    () => editor.story(storyId),
    (s) => s?.headline === 'Council passes its budget',
    'the reporter’s headline on the editor’s machine',
  );
  expect(there).toMatchObject({ slug: 'council-passes-its-budget', slugEdited: false });
  const renamed = await save(editor, { headline: 'Council budget passes' });
  expect(renamed).toMatchObject({ slug: 'council-budget-passes', slugEdited: false });
  await eventually(
    () => reporter.story(storyId),
    (s) => s?.slug === 'council-budget-passes' && !s.slugEdited,
    'the editor’s headline and its slug on the reporter’s machine',
  );

  await save(editor, { slug: 'budget-vote' });
  await eventually(
    () => reporter.story(storyId),
    (s) => s?.slug === 'budget-vote' && s.slugEdited,
    'the editor’s own slug on the reporter’s machine',
  );
  expect(await save(reporter, { headline: 'Council passes the budget' })).toMatchObject({
    slug: 'budget-vote',
  });
  await save(reporter, { slug: '' });
  await eventually(
    () => editor.story(storyId),
    (s) => s?.slug === 'council-passes-the-budget' && !s.slugEdited,
    'the slug following the headline again on the editor’s machine',
  );
});

it('offline edits on both machines, through a reporter restart, merge when the desk is back', async () => {
  await desk.stop();
  await reporter.edit(storyId, 'The council passed the budget on Monday night.');
  reporter.close();
  reporter = machine(reporterDir);
  await reporter.edit(storyId, 'The council narrowly passed the budget on Monday night.');
  await editor.edit(storyId, 'The council passed the budget on Monday, after a long debate.');
  const waiting = await editor.call<DeskStoryState>('desk:transition', {
    storyId,
    action: 'return',
    note: 'Check the vote count',
  });
  expect(waiting.pending).toEqual([expect.objectContaining({ action: 'return', state: 'waiting' })]);

  desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false });
  const both = (s: Story | null) => bodyText(s).includes('narrowly') && bodyText(s).includes('long debate');
  const mergedHere = await eventually(
    () => reporter.story(storyId),
    both,
    'both edits on the reporter’s machine',
  );
  const mergedThere = await eventually(
    () => editor.story(storyId),
    both,
    'both edits on the editor’s machine',
  );
  expect(bodyText(mergedHere)).toBe(bodyText(mergedThere));
  expect(bodyText(mergedHere)).toContain('night');
  expect((await reporter.state(storyId)).mergedOfflineAt).not.toBeNull();
  await eventually(
    () => reporter.story(storyId),
    (s) => s?.status === 'returned',
    'the waiting return to reach the desk',
  );
  const history = await reporter.call<{ action: string; note: string }[]>('workflow:history', { storyId });
  expect(history.filter((change) => change.action === 'return')).toEqual([
    expect.objectContaining({ note: 'Check the vote count' }),
  ]);
});

it('an approval while the reporter edits offline becomes “changed after approval” after the merge', async () => {
  await reporter.call('desk:transition', { storyId, action: 'submit' });
  await eventually(
    () => editor.state(storyId),
    (s) => s.status === 'in_review',
    'the resubmission',
  );
  await desk.stop();
  reporter.close();
  reporter = machine(reporterDir);
  await reporter.edit(storyId, 'The council narrowly passed the budget, 5 votes to 4.');
  reporter.close();

  desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false });
  await eventually(
    () => editor.state(storyId),
    (s) => s.status === 'in_review',
    'the editor back online',
    15_000,
  );
  const approved = await editor.call<DeskStoryState>('desk:transition', { storyId, action: 'approve' });
  expect(approved.status).toBe('approved');

  reporter = machine(reporterDir);
  const after = await eventually(
    () => editor.state(storyId),
    (s) => s.changedAfterApproval,
    'the desk to void the approval',
    15_000,
  );
  expect(after.status).toBe('in_review');
  await eventually(
    () => editor.story(storyId),
    (s) => bodyText(s).includes('5 votes to 4'),
    'the offline edit',
  );
});

it('a story written on a joined machine while the desk is out of reach goes to the desk once it answers', async () => {
  await desk.stop();
  const written = await reporter.call<Story>('stories:create', {
    headline: 'Night buses return',
    body: paragraphs('The night buses run again from Friday.'),
  });
  expect((await reporter.state(written.id)).onDesk).toBe(false);
  await reporter.call('stories:setTags', { id: written.id, tags: ['Transport', 'Night'] });
  desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false });
  await eventually(
    () => reporter.state(written.id),
    (s) => s.onDesk,
    'the story on the desk',
    15_000,
  );
  const there = await eventually(
    () => editor.story(written.id),
    (s) => s !== null && bodyText(s).includes('run again from Friday'),
    'the story on the editor’s machine',
    15_000,
  );
  expect(there!.headline).toBe('Night buses return');
  // Its tags went to the desk with it.
  await eventually(
    () => editor.call<string[]>('tags:ofStory', { storyId: written.id }),
    (tags) => tags.join() === 'Transport,Night',
    'the story’s tags on the editor’s machine',
  );
});

it('a headline changed on both machines while apart: both end with one, and the machine whose headline gave way is offered it back', async () => {
  await desk.stop();
  const headlineOf = (who: Machine) => who.story(storyId).then((s) => s!.headline);
  const save = async (who: Machine, headline: string) => {
    const story = (await who.story(storyId))!;
    // As the form saves a headline: its slug follows it.
    await who.call('stories:save', {
      id: storyId,
      expectedVersion: story.version,
      changes: { headline, slug: slugify(headline) },
    });
  };
  await save(reporter, 'Council passes budget by one vote');
  await save(editor, 'Budget passes after long debate');
  // Apart for longer than a live race between two people typing in the field.
  await new Promise((resolve) => setTimeout(resolve, LIVE_RACE_MS));
  desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false });

  // A Yjs map keeps one of two concurrent values (by client id): either machine's may win.
  const machines = [reporter, editor];
  const overwritten = await eventually(
    () => Promise.all(machines.map((who) => who.state(storyId))),
    (states) => states.some((s) => s.overwrites.length > 0),
    'a machine to hear its headline gave way',
    15_000,
  );
  const loser = machines[overwritten.findIndex((s) => s.overwrites.length > 0)]!;
  const winner = machines.find((who) => who !== loser)!;
  const kept = await headlineOf(winner);
  await eventually(
    () => headlineOf(loser),
    (h) => h === kept,
    'both machines with one headline',
  );
  const lost =
    kept === 'Budget passes after long debate'
      ? 'Council passes budget by one vote'
      : 'Budget passes after long debate';
  expect((await loser.state(storyId)).overwrites).toEqual([
    { field: 'headline', kept, lost, at: expect.any(Number) },
    { field: 'slug', kept: slugify(kept), lost: slugify(lost), at: expect.any(Number) },
  ]);
  expect((await winner.state(storyId)).overwrites).toEqual([]);

  // "Use this machine's": it becomes the headline everywhere, as an edit made after seeing the other.
  const settled = await loser.call<DeskStoryState>('desk:settleOverwrite', {
    storyId,
    field: 'headline',
    choice: 'restore',
  });
  expect(settled.overwrites).toEqual([]);
  for (const who of machines)
    await eventually(
      () => headlineOf(who),
      (h) => h === lost,
      'the restored headline',
    );
  // Its slug came back with it, still following the headline (nobody typed it).
  for (const who of machines)
    await eventually(
      () => who.story(storyId),
      (s) => s?.slug === slugify(lost) && !s.slugEdited,
      'the restored headline’s slug, following it',
    );
  expect((await winner.state(storyId)).overwrites).toEqual([]);
  await expect(
    loser.call('desk:settleOverwrite', { storyId, field: 'headline', choice: 'keep' }),
  ).rejects.toThrow('no value from another machine');
});
