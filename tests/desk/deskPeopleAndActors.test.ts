import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Story } from '../../shared/domain/story';
import type { DeskPerson } from '../../shared/ipc/channels/desk';
import { paragraphs } from '../support/libraryCalls';
import { removeDir, startDeskProcess, tempDir, type DeskProcess } from './deskKit';
import { deskMachines, eventually, type DeskMachine } from './deskMachines';

/** Three machines on one desk: who made a transition, and who is still on the desk, reach every machine. */
let desk: DeskProcess;
const dirs = [tempDir('who-editor'), tempDir('who-reporter'), tempDir('who-stringer')];
const { machine, closeAll } = deskMachines();
let editor: DeskMachine;
let reporter: DeskMachine;
let stringer: DeskMachine;

type Change = { action: string; person: string; note: string };
const history = (m: DeskMachine, storyId: string) => m.call<Change[]>('workflow:history', { storyId });
const names = async (m: DeskMachine) =>
  (await m.call<{ name: string }[]>('people:list', {})).map((person) => person.name);

async function invite(name: string, role: 'reporter' | 'editor', dataDir: string) {
  const { code } = await editor.call<{ code: string }>('desk:invite', { name, role });
  const m = machine(dataDir);
  await m.call('desk:join', { address: desk.url, code });
  return m;
}

beforeAll(async () => {
  desk = await startDeskProcess();
  editor = machine(dirs[0]!);
  await editor.call('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
  reporter = await invite('Rey Reporter', 'reporter', dirs[1]!);
  stringer = await invite('Sam Stringer', 'reporter', dirs[2]!);
});

afterAll(async () => {
  closeAll();
  await desk?.stop();
  for (const dir of [...dirs, desk?.dataDir]) if (dir) removeDir(dir);
});

it('each machine names who returned, approved and submitted a story, not “an editor”', async () => {
  const story = await reporter.call<Story>('stories:create', {
    headline: 'Pool opens late',
    body: paragraphs('The pool opens at ten.'),
  });
  await eventually(
    () => reporter.state(story.id),
    (s) => s.onDesk,
    'the story on the desk',
  );
  await reporter.call('desk:transition', { storyId: story.id, action: 'submit' });
  await eventually(
    () => editor.state(story.id),
    (s) => s.status === 'in_review',
    'the submission',
  );
  await editor.call('desk:transition', { storyId: story.id, action: 'return', note: 'Which pool?' });
  const returned = await eventually(
    () => history(reporter, story.id),
    (changes) => changes.some((c) => c.action === 'return'),
    'the return on the reporter’s machine',
  );
  expect(returned.find((c) => c.action === 'return')).toMatchObject({
    person: 'Eda Editor',
    note: 'Which pool?',
  });

  await reporter.call('desk:transition', { storyId: story.id, action: 'submit' });
  await eventually(
    () => editor.state(story.id),
    (s) => s.status === 'in_review',
    'the resubmission',
  );
  // The desk's state can reach the editor's machine before the story's row (and its history) does.
  const submitted = await eventually(
    () => history(editor, story.id).catch(() => []),
    (changes) => changes.some((c) => c.action === 'submit'),
    'the submission in the editor’s history',
  );
  expect(submitted.find((c) => c.action === 'submit')).toMatchObject({ person: 'Rey Reporter' });
  await editor.call('desk:transition', { storyId: story.id, action: 'approve' });
  const approved = await eventually(
    () => history(reporter, story.id),
    (changes) => changes.some((c) => c.action === 'approve'),
    'the approval on the reporter’s machine',
  );
  expect(approved.find((c) => c.action === 'approve')).toMatchObject({ person: 'Eda Editor' });
});

it('a person the editor removes leaves every machine’s people list; their story still names them', async () => {
  const written = await stringer.call<Story>('stories:create', {
    headline: 'Fair comes to town',
    body: paragraphs('The fair arrives on Friday.'),
  });
  expect(written.author).toBe('Sam Stringer');
  await eventually(
    () => reporter.story(written.id),
    (s) => s?.author === 'Sam Stringer',
    'the stringer’s story on the reporter’s machine',
  );
  await eventually(
    () => names(reporter),
    (list) => list.includes('Sam Stringer'),
    'the stringer listed',
  );

  const people = await editor.call<DeskPerson[]>('desk:people', {});
  const sam = people.find((person) => person.name === 'Sam Stringer')!;
  await editor.call('desk:remove', { personId: sam.id });
  expect(await names(editor)).not.toContain('Sam Stringer');
  await eventually(
    () => names(reporter),
    (list) => !list.includes('Sam Stringer') && list.includes('Eda Editor'),
    'the removal on the reporter’s machine',
    15_000,
  );
  expect((await reporter.story(written.id))?.author).toBe('Sam Stringer');
  const refused = await reporter.core.dispatch('desk:remove', { personId: sam.id });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
