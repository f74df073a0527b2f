import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Story } from '../../shared/domain/story';
import type { DeskStoryState } from '../../shared/ipc/channels/desk';
import { paragraphs } from '../support/libraryCalls';
import { removeDir, startDeskProcess, tempDir, type DeskProcess } from './deskKit';
import { bodyText, deskMachines, eventually, type DeskMachine, joinEditorAndReporter } from './deskMachines';

/** Edits that reach a published story, however they travel, end up in its one correction draft. */
let desk: DeskProcess;
const reporterDir = tempDir('corr-reporter');
const editorDir = tempDir('corr-editor');
const { machine, closeAll } = deskMachines();
let reporter: DeskMachine;
let editor: DeskMachine;
let storyId: string;
let correctionId: string;
const PUBLISHED = 'The bridge reopens on Monday.';

const restartDesk = async () =>
  (desk = await startDeskProcess({ dataDir: desk.dataDir, port: desk.port, firstStart: false }));

/** The stories on a machine that are corrections of the story (by their title). */
async function correctionsOn(m: DeskMachine) {
  const page = await m.call<{ items: { id: string; headline: string }[] }>('library:query', {});
  return page.items.filter((item) => item.headline === 'Correction: Bridge reopens');
}

beforeAll(async () => {
  desk = await startDeskProcess();
  ({ editor, reporter } = await joinEditorAndReporter(desk, machine, {
    editor: editorDir,
    reporter: reporterDir,
  }));
  const story = await reporter.call<Story>('stories:create', {
    headline: 'Bridge reopens',
    body: paragraphs(PUBLISHED),
  });
  storyId = story.id;
  await eventually(
    () => reporter.state(storyId),
    (s) => s.onDesk,
    'the story on the desk',
  );
  await reporter.call('stories:setTags', { id: storyId, tags: ['Bridges', 'Traffic'] });
  await reporter.call('desk:transition', { storyId, action: 'submit' });
  await eventually(
    () => editor.state(storyId),
    (s) => s.status === 'in_review',
    'the submission',
  );
  await editor.call('desk:transition', { storyId, action: 'approve' });
  await eventually(
    () => reporter.state(storyId),
    (s) => s.status === 'approved',
    'the approval',
  );
});

afterAll(async () => {
  closeAll();
  await desk?.stop();
  for (const dir of [reporterDir, editorDir, desk?.dataDir]) if (dir) removeDir(dir);
});

it('offline edits made before publication, arriving after it, become one correction draft; the story stays as published', async () => {
  await desk.stop();
  await reporter.edit(storyId, PUBLISHED, 'Cyclists must use the north lane.');
  reporter.close();
  await restartDesk();
  await eventually(
    () => editor.state(storyId),
    (s) => s.status === 'approved',
    'the editor back online',
    15_000,
  );
  const published = await editor.call<DeskStoryState>('desk:transition', { storyId, action: 'publish' });
  expect(published.status).toBe('published');

  reporter = machine(reporterDir);
  const state = await eventually(
    () => reporter.state(storyId),
    (s) => s.correctionId !== null,
    'the desk to name the correction',
    15_000,
  );
  correctionId = state.correctionId!;
  const there = await eventually(
    () => editor.story(correctionId),
    (s) => bodyText(s).includes('north lane'),
    'the correction with the words on the editor’s machine',
  );
  expect(there!.headline).toBe('Correction: Bridge reopens');
  expect(bodyText(there)).toContain(PUBLISHED);
  expect((await editor.state(storyId)).correctionId).toBe(correctionId);
  // The published story is unchanged on the desk's side and, once its edits are in the correction, here too.
  expect(bodyText(await editor.story(storyId))).not.toContain('north lane');
  await eventually(
    () => reporter.story(storyId),
    (s) => !bodyText(s).includes('north lane') && bodyText(s).includes(PUBLISHED),
    'the reporter’s copy back to the published text',
  );
  const mine = await eventually(
    () => reporter.story(correctionId),
    (s) => bodyText(s).includes('north lane'),
    'the correction on the reporter’s machine',
  );
  expect(mine!.headline).toBe('Correction: Bridge reopens');
  expect(await correctionsOn(editor)).toHaveLength(1);
  // The correction goes on with the story's tags.
  for (const m of [editor, reporter])
    await eventually(
      () => m.call<string[]>('tags:ofStory', { storyId: correctionId }),
      (tags) => tags.join() === 'Bridges,Traffic',
      'the story’s tags on the correction',
    );
});

it('a host restart between two batches of such edits still makes one correction, with both', async () => {
  await desk.stop();
  await reporter.edit(storyId, PUBLISHED, 'The toll is waived until June.');
  reporter.close();
  reporter = machine(reporterDir);
  expect((await reporter.state(storyId)).correctionId).toBe(correctionId); // remembered here, desk or not
  await reporter.edit(storyId, PUBLISHED, 'The toll is waived until June. Buses stop on the east side.');
  reporter.close();
  await restartDesk();
  reporter = machine(reporterDir);
  const both = await eventually(
    () => editor.story(correctionId),
    (s) => bodyText(s).includes('waived until June') && bodyText(s).includes('east side'),
    'the second batch in the same correction',
    15_000,
  );
  expect(bodyText(both)).toContain('north lane');
  expect(bodyText(await editor.story(storyId))).not.toMatch(/waived|east side|north lane/);
  await eventually(
    () => reporter.story(storyId),
    (s) => !/waived|east side|north lane/.test(bodyText(s)),
    'the reporter’s copy back to the published text',
  );
  expect(await correctionsOn(editor)).toHaveLength(1);
  expect(await correctionsOn(reporter)).toHaveLength(1);
});

it('an edit from another machine, online while the story was published, goes into the same correction', async () => {
  await editor.edit(storyId, PUBLISHED, 'Editor’s late line.');
  await eventually(
    () => reporter.story(correctionId),
    (s) => bodyText(s).includes('Editor’s late line'),
    'the editor’s edit in the correction on the reporter’s machine',
  );
  await eventually(
    () => editor.story(storyId),
    (s) => !bodyText(s).includes('late line'),
    'the editor’s copy back to the published text',
  );
  expect(await correctionsOn(editor)).toHaveLength(1);
});
