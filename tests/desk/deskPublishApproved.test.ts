import type { z } from 'zod';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublishStatus } from '../../shared/ipc/channels/publish';
import type { Story } from '../../shared/domain/story';
import { body, publishingCore } from '../integration/publishTestKit';
import { removeDir, startDeskProcess, tempDir, type DeskProcess } from './deskKit';
import {
  bodyText,
  deskMachines,
  eventually as within10s,
  type DeskMachine,
  joinEditorAndReporter,
} from './deskMachines';

/** An editor's and a reporter's machine (real cores on their own folders) on one desk process on loopback. */
let desk: DeskProcess;
const editorDir = tempDir('editor');
const reporterDir = tempDir('reporter');
const { machine: deskMachine, closeAll } = deskMachines();
const machine = (dataDir: string) => deskMachine(dataDir, { publishing: { startWorker: false } });
let editor: DeskMachine;
let reporter: DeskMachine;

const text = bodyText;
const eventually: typeof within10s = (read, check, what) => within10s(read, check, what, 15_000);

beforeAll(async () => {
  desk = await startDeskProcess();
  ({ editor, reporter } = await joinEditorAndReporter(desk, machine, {
    editor: editorDir,
    reporter: reporterDir,
  }));
  await editor.call('targets:save', {
    id: 'static',
    kind: 'static',
    folder: join(editorDir, 'public-site'),
    url: 'https://news.example.org',
  });
});

afterAll(async () => {
  closeAll();
  await desk?.stop();
  for (const dir of [editorDir, reporterDir, desk?.dataDir]) if (dir) removeDir(dir);
});

it('an approved desk story edited after approval: “publish the approved revision” publishes that text, the later edits go on as a desk draft', async () => {
  const written = await reporter.call<Story>('stories:create', {
    headline: 'Tram line opens',
    slug: 'tram-line-opens',
    standfirst: 'The first trams ran at dawn.',
    sectionId: 'politics',
    body: body('The new tram line opened on Monday.'),
  });
  const id = written.id;
  await eventually(
    () => reporter.state(id),
    (s) => s.onDesk,
    'the story on the desk',
  );
  await reporter.call('stories:setTags', { id, tags: ['Transport', 'City'] });
  await reporter.call('desk:transition', { storyId: id, action: 'submit' });
  await eventually(
    () => editor.story(id),
    (s) => s?.status === 'in_review',
    'the submission on the editor’s machine',
  );
  await editor.call('desk:transition', { storyId: id, action: 'approve' });
  await eventually(
    () => reporter.story(id),
    (s) => s?.status === 'approved',
    'the approval on the reporter’s machine',
  );

  // The reporter edits after the approval: the desk sends the story back to review.
  const approvedRow = (await reporter.story(id))!;
  await reporter.call('stories:save', {
    id,
    expectedVersion: approvedRow.version,
    changes: {
      body: body('The new tram line opened on Monday. Fares are free in May.'),
      standfirst: 'Free fares.',
    },
  });
  await eventually(
    () => Promise.all([editor.state(id), editor.story(id)]),
    ([state, story]) => state.changedAfterApproval && text(story).includes('Fares are free'),
    'the later edit on the editor’s machine',
  );

  // A reporter may not; the editor publishes the approved revision.
  const refused = await reporter.core.dispatch('desk:publishApproved', { storyId: id });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const { draftId, job } = await editor.call<{ draftId: string; job: { storyId: string } }>(
    'desk:publishApproved',
    {
      storyId: id,
    },
  );
  expect(job.storyId).toBe(id);
  await editor.core.publishing.runDue();
  const status = await editor.call<z.infer<typeof PublishStatus>>('publish:status', { storyId: id });
  expect(status.jobs[0]?.state).toBe('done');

  const page = readFileSync(join(editorDir, 'public-site', 'stories', 'tram-line-opens.html'), 'utf8');
  expect(page).toContain('The new tram line opened on Monday.');
  expect(page).toContain('The first trams ran at dawn.');
  expect(page).not.toContain('Fares are free');
  expect(page).not.toContain('Free fares.');

  // The story is what was published, on both machines; the later edits are a desk draft of their own.
  const published = (await editor.story(id))!;
  expect(published.status).toBe('published');
  expect(published.standfirst).toBe('The first trams ran at dawn.');
  expect(text(published)).not.toContain('Fares are free');
  await eventually(
    () => reporter.story(id),
    (s) => s?.status === 'published' && !text(s).includes('Fares are free'),
    'the published story on the reporter’s machine',
  );
  const draft = (await editor.story(draftId))!;
  expect(draft).toMatchObject({
    status: 'draft',
    headline: 'Tram line opens (edits after approval)',
    standfirst: 'Free fares.',
  });
  expect(text(draft)).toContain('Fares are free in May.');
  await eventually(
    () => reporter.story(draftId),
    (s) => text(s).includes('Fares are free in May.'),
    'the draft on the reporter’s machine',
  );
  // The draft goes on with the story's tags, on both machines.
  expect(await editor.call('tags:ofStory', { storyId: draftId })).toEqual(['Transport', 'City']);
  await eventually(
    () => reporter.call<string[]>('tags:ofStory', { storyId: draftId }),
    (tags) => tags.join() === 'Transport,City',
    'the draft’s tags on the reporter’s machine',
  );
});

it('publishing sends the approved revision: edits saved after approval while the job waits are not published', async () => {
  const kit = publishingCore();
  try {
    await kit.call('people:create', { name: 'Eda Editor', role: 'editor' });
    await kit.call('targets:save', {
      id: 'static',
      kind: 'static',
      folder: join(kit.dir, 'site'),
      url: 'https://news.example.org',
    });
    const story = await kit.call('stories:create', {
      headline: 'Bridge repairs',
      slug: 'bridge-repairs',
      sectionId: 'politics',
      body: body('Repairs start in June.'),
    });
    const submitted = await kit.call('workflow:transition', {
      storyId: story.id,
      action: 'submit',
      expectedVersion: story.version,
      note: '',
    });
    const approved = await kit.call('workflow:transition', {
      storyId: story.id,
      action: 'approve',
      expectedVersion: submitted.version,
      note: '',
    });
    await kit.call('publish:start', { storyId: story.id });
    await kit.call('stories:save', {
      id: story.id,
      expectedVersion: approved.version,
      changes: { body: body('Repairs start in June. Unchecked rumour.') },
    });
    await kit.runDue();
    const page = readFileSync(join(kit.dir, 'site', 'stories', 'bridge-repairs.html'), 'utf8');
    expect(page).toContain('Repairs start in June.');
    expect(page).not.toContain('Unchecked rumour.');
  } finally {
    kit.dispose();
  }
});
