import { afterAll, beforeAll, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createCore, type Core } from '../../main/core/createCore';
import type { Story } from '../../shared/domain/story';
import type { DeskDocSyncAnswer, DeskStoryState } from '../../shared/ipc/contract';
import { caller, paragraphs } from '../support/libraryCalls';
import { removeDir, startDeskProcess, tempDir, waitFor, type DeskProcess } from './deskKit';

/** Two machines joined to one desk, each with a live editor's Y.Doc relayed to its core over the contract. */
let desk: DeskProcess;
const dirs = [tempDir('live-reporter'), tempDir('live-editor')];
const cores: Core[] = [];
const editors: { close(): void }[] = [];
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function machine(dataDir: string) {
  const core = createCore({ dataDir, appVersion: '9.9.9-test', host: 'test', log: () => undefined });
  cores.push(core);
  return { core, call: caller(core) };
}
type Machine = ReturnType<typeof machine>;

const RELAYED = Symbol('relayed');

/** What the renderer's binding does, without the editor: its own doc and awareness, kept in step through the core. */
async function openLive(m: Machine, storyId: string, tag: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const answer = await m.call<DeskDocSyncAnswer>('desk:docSync', {
    storyId,
    from: tag,
    stateVector: b64(Y.encodeStateVector(doc)),
  });
  Y.applyUpdate(doc, bytes(answer.update), RELAYED);
  applyAwarenessUpdate(awareness, bytes(answer.awareness), RELAYED);
  const offDoc = m.core.events.on('deskDoc:changed', (event) => {
    if (event.storyId === storyId && event.from !== tag) Y.applyUpdate(doc, bytes(event.update), RELAYED);
  });
  const offPresence = m.core.events.on('deskPresence:changed', (event) => {
    if (event.storyId === storyId && event.from !== tag)
      applyAwarenessUpdate(awareness, bytes(event.update), RELAYED);
  });
  const answers: Promise<{ correctionId: string | null }>[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAYED)
      answers.push(m.call('desk:docUpdate', { storyId, from: tag, update: b64(update) }));
  });
  awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin === RELAYED) return;
    const changed = [...added!, ...updated!, ...removed!];
    void m.call('desk:awareness', {
      storyId,
      from: tag,
      update: b64(encodeAwarenessUpdate(awareness, changed)),
    });
  });
  const paragraph = () => doc.getXmlFragment('default').get(0) as Y.XmlElement;
  const live = {
    doc,
    awareness,
    answers,
    readOnly: answer.readOnly,
    text: () => (paragraph().get(0) as Y.XmlText).toString(),
    insert: (at: number | 'end', text: string) => {
      const node = paragraph().get(0) as Y.XmlText;
      node.insert(at === 'end' ? node.length : at, text);
    },
    names: () =>
      [...awareness.getStates().values()]
        .map((state) => (state as { user?: { name: string } }).user?.name)
        .filter(Boolean),
    close: () => {
      offDoc();
      offPresence();
      awareness.destroy();
      doc.destroy();
    },
  };
  editors.push(live);
  return live;
}
type LiveEditor = Awaited<ReturnType<typeof openLive>>;
let opened: LiveEditor[] = [];

let reporter: Machine;
let editor: Machine;
let storyId: string;

const storyOn = (m: Machine, id = storyId) => m.call<Story>('stories:get', { id });

beforeAll(async () => {
  desk = await startDeskProcess();
  editor = machine(dirs[1]!);
  await editor.call('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
  const invitation = await editor.call<{ code: string }>('desk:invite', {
    name: 'Rey Reporter',
    role: 'reporter',
  });
  reporter = machine(dirs[0]!);
  await reporter.call('desk:join', { address: desk.url, code: invitation.code });
  const story = await reporter.call<Story>('stories:create', {
    headline: 'Harbour reopens',
    body: paragraphs('The harbour reopened on Tuesday.'),
  });
  storyId = story.id;
  await reporter.call('desk:share', { storyId });
  await waitFor(
    () => editor.core.desk.docOf(storyId)?.getXmlFragment('default').length === 1,
    10_000,
    'the doc on the editor’s machine',
  );
});

afterAll(async () => {
  for (const live of editors) live.close();
  for (const core of cores) core.close();
  await desk?.stop();
  for (const dir of [...dirs, desk?.dataDir]) if (dir) removeDir(dir);
});

it('text typed in one machine’s live editor reaches the other machine’s open editor and both story rows', async () => {
  const mine = await openLive(reporter, storyId, 'reporter-tab-1');
  const theirs = await openLive(editor, storyId, 'editor-tab-1');
  opened = [mine, theirs];
  expect(mine.text()).toBe('The harbour reopened on Tuesday.');
  expect(theirs.text()).toBe('The harbour reopened on Tuesday.');

  mine.insert('end', ' Ferries run again.');
  await waitFor(() => theirs.text().endsWith('Ferries run again.'), 10_000, 'the edit in the other editor');
  // The row (search, links, revisions) is the core's projection of the doc, on both machines.
  for (const m of [reporter, editor]) {
    await expect
      .poll(async () => JSON.stringify((await storyOn(m)).body), { timeout: 10_000 })
      .toContain('Ferries run again.');
  }
});

it('concurrent typing in the same paragraph keeps both edits', async () => {
  const [mine, theirs] = opened as [LiveEditor, LiveEditor];
  mine.insert(0, 'BREAKING: ');
  theirs.insert('end', ' Tolls are waived.');
  const both = (text: string) => text.startsWith('BREAKING: ') && text.endsWith('Tolls are waived.');
  await waitFor(() => both(mine.text()) && both(theirs.text()), 10_000, 'both edits on both sides');
  expect(mine.text()).toBe(theirs.text());
  await expect
    .poll(async () => JSON.stringify((await storyOn(editor)).body), { timeout: 10_000 })
    .toMatch(/BREAKING: .*Tolls are waived\./);
});

it('keys typed back to back reach the row in one save, and a call right after them sees every one', async () => {
  const [mine] = opened as [LiveEditor];
  // The other machine's last edit is on this row first.
  await expect
    .poll(async () => JSON.stringify((await storyOn(reporter)).body), { timeout: 10_000 })
    .toContain('Tolls are waived.');
  const saves: number[] = [];
  const off = reporter.core.events.on('stories:changed', (event) => {
    if (event.id === storyId) saves.push(event.version);
  });
  try {
    // At a typist's pace: a projection per update would have saved the row several times by the last key.
    for (const letter of ' Buses too.') {
      mine.insert('end', letter);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await Promise.all(mine.answers);
    // Each update went into the doc; none was a save of the row yet (each was a refetch of the story per key).
    expect(saves).toEqual([]);
    const revision = await reporter.call<{ n: number }>('revisions:create', {
      storyId,
      label: 'right after',
    });
    const saved = await reporter.call<{ fields: { body: unknown } }>('revisions:get', {
      storyId,
      n: revision.n,
    });
    expect(JSON.stringify(saved.fields.body)).toContain('Buses too.');
    expect(JSON.stringify((await storyOn(reporter)).body)).toContain('Buses too.');
    expect(saves).toHaveLength(1);
  } finally {
    off();
  }
});

it('a save of fields only, landing before the typed text is projected onto the row, leaves the typed text alone', async () => {
  const [mine] = opened as [LiveEditor];
  const row = await storyOn(reporter);
  mine.insert('end', ' Queues are short.');
  await Promise.all(mine.answers);
  // The row still has the body from before the keystrokes: the save must not write that body back into the doc.
  await reporter.call('stories:save', {
    id: storyId,
    expectedVersion: row.version,
    changes: { headline: 'Harbour reopens, queues short' },
  });
  expect(mine.text()).toMatch(/Queues are short\.$/);
  expect(reporter.core.desk.docOf(storyId)!.getXmlFragment('default').toString()).toContain(
    'Queues are short.',
  );
  await expect
    .poll(async () => JSON.stringify((await storyOn(editor)).body), { timeout: 10_000 })
    .toContain('Queues are short.');
  expect((await storyOn(editor)).headline).toBe('Harbour reopens, queues short');
});

it('a write at a version held before several projections goes on; one from before a save of the row is refused', async () => {
  const [mine] = opened as [LiveEditor];
  const held = await storyOn(reporter);
  const fromDoc: boolean[] = [];
  const off = reporter.core.events.on('stories:changed', (event) => {
    if (event.id === storyId) fromDoc.push(event.fromDoc === true);
  });
  try {
    // Two projections of live typing since the window last read the row (it does not reload per projection).
    for (const words of ['Trains are late. ', 'Taxis are not. ']) {
      mine.insert(0, words);
      await Promise.all(mine.answers);
      expect((await storyOn(reporter)).body).toBeDefined();
    }
    expect((await storyOn(reporter)).version).toBe(held.version + 2);
    const saved = await reporter.call<Story>('stories:save', {
      id: storyId,
      expectedVersion: held.version,
      changes: { standfirst: 'Travel is slow.' },
    });
    expect(saved.version).toBe(held.version + 3);
    expect(JSON.stringify(saved.body)).toContain('Taxis are not.');

    // A save that was no projection came between: a write from before it meets the conflict.
    mine.insert(0, 'Ferries are fine. ');
    await Promise.all(mine.answers);
    expect((await storyOn(reporter)).version).toBe(held.version + 4);
    const refused = await reporter.core.dispatch('stories:save', {
      id: storyId,
      expectedVersion: held.version + 2,
      changes: { standfirst: 'Travel is very slow.' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fromDoc).toEqual([true, true, false, true]);
  } finally {
    off();
  }
});

it('who else has the story open, with their caret, reaches the other machine', async () => {
  const [mine, theirs] = opened as [LiveEditor, LiveEditor];
  mine.awareness.setLocalStateField('user', { name: 'Rey Reporter', color: '#1f77b4' });
  mine.awareness.setLocalStateField('cursor', { anchor: 1, head: 5 });
  theirs.awareness.setLocalStateField('user', { name: 'Eda Editor', color: '#d62728' });
  await waitFor(() => theirs.names().includes('Rey Reporter'), 10_000, 'the reporter’s presence');
  await waitFor(() => mine.names().includes('Eda Editor'), 10_000, 'the editor’s presence');
  const reporterState = [...theirs.awareness.getStates().values()].find(
    (state) => (state as { user?: { name: string } }).user?.name === 'Rey Reporter',
  );
  expect(reporterState).toMatchObject({ cursor: { anchor: 1, head: 5 } });
});

it('an edit may carry its caret in the same request, which reaches the other machine with it', async () => {
  const [, theirs] = opened as [LiveEditor, LiveEditor];
  const sender = new Awareness(new Y.Doc());
  sender.setLocalState({ user: { name: 'Ana Batch', color: '#2ca02c' }, cursor: { anchor: 2, head: 2 } });
  await reporter.call('desk:docUpdate', {
    storyId,
    from: 'reporter-tab-2',
    update: b64(Y.encodeStateAsUpdate(new Y.Doc())),
    awareness: b64(encodeAwarenessUpdate(sender, [sender.clientID])),
  });
  await waitFor(() => theirs.names().includes('Ana Batch'), 10_000, 'the caret sent with the edit');
  sender.destroy();
});

it('refuses malformed updates and stories not on the desk, leaving the doc as it was', async () => {
  const before = Y.encodeStateVector(reporter.core.desk.docOf(storyId)!);
  for (const update of ['AAECAwQ=', '////', 'not base64!']) {
    const result = await reporter.core.dispatch('desk:docUpdate', {
      storyId,
      from: 'reporter-tab-1',
      update,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  }
  expect(Y.encodeStateVector(reporter.core.desk.docOf(storyId)!)).toEqual(before);
  // A story created here goes to the desk at once; one the desk never had is refused.
  const notOnDesk = await reporter.core.dispatch('desk:docSync', {
    storyId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    from: 'reporter-tab-1',
    stateVector: 'AA==',
  });
  expect(notOnDesk).toMatchObject({ ok: false, error: { code: 'not-found' } });
});

it('an edit arriving for a spiked story becomes a correction draft on the desk; the story stays as it was', async () => {
  const spiked = await editor.call<DeskStoryState>('desk:transition', { storyId, action: 'spike' });
  expect(spiked.status).toBe('spiked');
  await expect
    .poll(async () => (await reporter.call<DeskStoryState>('desk:storyState', { storyId })).status, {
      timeout: 10_000,
    })
    .toBe('spiked');
  const before = JSON.stringify((await storyOn(reporter)).body);
  const late = await openLive(reporter, storyId, 'reporter-tab-2');
  expect(late.readOnly).toBe(true);
  late.insert('end', ' A late fix.');
  const { correctionId } = await late.answers.at(-1)!;
  expect(correctionId).toMatch(/^[0-9A-Z]{26}$/);
  const correction = await storyOn(reporter, correctionId!);
  expect(correction.headline).toBe('Correction: Harbour reopens, queues short');
  expect(JSON.stringify(correction.body)).toContain('Queues are short. A late fix.');
  expect(JSON.stringify((await storyOn(reporter)).body)).toBe(before);
  expect(reporter.core.desk.docOf(storyId)!.getXmlFragment('default').toString()).not.toContain(
    'A late fix.',
  );
  // The correction is a desk story: the editor's machine gets it.
  await expect
    .poll(async () => JSON.stringify((await storyOn(editor, correctionId!).catch(() => null))?.body ?? ''), {
      timeout: 10_000,
    })
    .toContain('A late fix.');
});
