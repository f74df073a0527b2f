import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../shared/domain/story';
import { ApiError, type Client } from '../../../renderer/api/client';
import {
  backgroundSaveSettled,
  hasBackgroundSaves,
  leaveWarning,
  StorySaver,
} from '../../../renderer/features/stories/storySaver';

const STORY_ID = '01J0000000000000000000000A';

/** The saver's collaborator: answers `stories:save` with whatever `answers` holds next. */
function fakeClient(answers: (() => Promise<unknown>)[]) {
  const saves: unknown[] = [];
  const versions: number[] = [];
  let version = 1;
  const client: Client = {
    kind: 'http',
    call: ((channel: string, input: { changes: unknown; expectedVersion: number }) => {
      if (channel !== 'stories:save') throw new Error(`unexpected ${channel}`);
      saves.push(input.changes);
      versions.push(input.expectedVersion);
      const answer = answers.shift() ?? (() => Promise.resolve({ version: ++version } as Story));
      return answer();
    }) as Client['call'],
    on: () => () => undefined,
  };
  return { client, saves, versions };
}

const unreachable = () => Promise.reject(new ApiError({ code: 'unavailable', message: 'host down' }));
const refused = () =>
  Promise.reject(
    new ApiError({ code: 'invalid-input', message: 'Lowercase letters, digits and hyphens only' }),
  );
const conflict = () => Promise.reject(new ApiError({ code: 'conflict', message: 'Changed elsewhere' }));
const body = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('StorySaver', () => {
  it('follows a live desk story’s row version (moved by the projection of its doc), keeping pending field changes', async () => {
    const { client, saves, versions } = fakeClient([]);
    const saver = new StorySaver(client, STORY_ID, 3, () => undefined);
    saver.attach();
    saver.update({ headline: 'Harbour reopens' });
    saver.follow(7);
    saver.follow(5); // an older answer arriving late changes nothing
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toEqual([{ headline: 'Harbour reopens' }]);
    expect(versions).toEqual([7]);
  });

  it('saves steady typing within the delay of its first unsaved keystroke, not only after a pause', async () => {
    const { client, saves } = fakeClient([]);
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.attach();
    for (let stroke = 1; stroke <= 12; stroke++) {
      saver.updateBody(() => body(`stroke ${stroke}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves).toEqual([{ body: body('stroke 10') }]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toEqual([{ body: body('stroke 10') }, { body: body('stroke 12') }]);
    expect(saver.state.kind).toBe('saved');
  });

  it('tells its listeners once when typing makes the story unsaved, not on every keystroke', async () => {
    const { client } = fakeClient([]);
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.attach();
    const kinds: string[] = [];
    saver.subscribe(() => kinds.push(saver.state.kind));
    for (let stroke = 1; stroke <= 5; stroke++) saver.updateBody(() => body(`stroke ${stroke}`));
    expect(kinds).toEqual(['unsaved']);
    await vi.advanceTimersByTimeAsync(1_000);
    saver.updateBody(() => body('after the save'));
    saver.updateBody(() => body('after the save, again'));
    expect(kinds).toEqual(['unsaved', 'saving', 'saved', 'unsaved']);
  });

  it('keeps retrying changes of a story that was closed until they are stored', async () => {
    const { client, saves } = fakeClient([unreachable, unreachable]);
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.attach();
    let editorAlive = true;
    saver.updateBody(() => {
      if (!editorAlive) throw new Error('the editor is gone');
      return body('Typed before switching');
    });

    const disposed = saver.dispose();
    editorAlive = false;
    await disposed;
    expect(saver.state.kind).toBe('retrying');
    expect(hasBackgroundSaves()).toBe(true);
    const settled = backgroundSaveSettled(STORY_ID);

    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await settled;
    expect(saves).toHaveLength(3);
    expect(saves[2]).toEqual({ body: body('Typed before switching') });
    expect(saver.state.kind).toBe('saved');
    expect(hasBackgroundSaves()).toBe(false);
  });

  it('does not retry a save the host refused as invalid, says why, and tries again on the next change', async () => {
    const { client, saves } = fakeClient([refused]);
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.update({ byline: 'By Mina' });
    await saver.flush();
    expect(saver.state).toEqual({ kind: 'failed', reason: 'Lowercase letters, digits and hyphens only' });

    await vi.advanceTimersByTimeAsync(120_000);
    expect(saves).toHaveLength(1);

    saver.update({ byline: 'By Mina Park' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toEqual([{ byline: 'By Mina' }, { byline: 'By Mina Park' }]);
    expect(saver.state.kind).toBe('saved');
  });

  it('holds back a field the contract refuses and saves the rest, until that field changes to a value it accepts', async () => {
    const { client, saves } = fakeClient([]);
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.update({ headline: 'x'.repeat(301), byline: 'By Mina Park' });
    saver.updateBody(() => body('Typed after the headline'));
    await saver.flush();
    expect(saves).toEqual([{ byline: 'By Mina Park', body: body('Typed after the headline') }]);
    expect(saver.problems).toEqual({ headline: 'At most 300 characters' });
    expect(saver.state).toEqual({
      kind: 'failed',
      reason: 'Headline: At most 300 characters — the rest of the story is saved',
    });
    expect(saver.hasUnsavedChanges).toBe(true);

    saver.update({ slug: 'Storm Road' });
    await saver.flush();
    expect(saves).toHaveLength(1);
    expect(Object.keys(saver.problems)).toEqual(['headline', 'slug']);

    saver.update({ headline: 'Storm hits the coast', slug: 'storm-road' });
    await saver.flush();
    expect(saves[1]).toEqual({ headline: 'Storm hits the coast', slug: 'storm-road' });
    expect(saver.problems).toEqual({});
    expect(saver.state.kind).toBe('saved');
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('asks before the open story is left in conflict, and refuses only the first window close', async () => {
    const { client } = fakeClient([conflict]);
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.attach();
    saver.update({ byline: 'Typed here' });
    await saver.flush();
    expect(saver.state.kind).toBe('conflict');
    expect(leaveWarning()).toMatch(/changed in another window/);

    expect(saver.refuseCloseOnce()).toBe(true);
    expect(saver.state).toMatchObject({ kind: 'conflict', closeRefused: true });
    expect(saver.refuseCloseOnce()).toBe(false);

    saver.reset(2);
    expect(leaveWarning()).toBeNull();
    await saver.dispose();
  });

  it("keeps a closed story's edits as a copy when they meet someone else's save", async () => {
    const theirs = { id: STORY_ID, headline: 'Their headline', byline: 'By Them', body: body('Theirs') };
    const calls: [string, unknown][] = [];
    const answers: Record<string, (() => Promise<unknown>)[]> = {
      'stories:save': [unreachable, conflict],
      'stories:get': [unreachable, () => Promise.resolve(theirs)],
      'stories:create': [() => Promise.resolve({ id: 'copy' })],
    };
    const client: Client = {
      kind: 'http',
      call: ((channel: string, input: unknown) => {
        calls.push([channel, input]);
        return answers[channel]!.shift()!();
      }) as Client['call'],
      on: () => () => undefined,
    };
    const saver = new StorySaver(client, STORY_ID, 1, () => undefined);
    saver.attach();
    saver.update({ byline: 'By Me' });
    saver.updateBody(() => body('Mine'));
    await saver.dispose();
    const settled = backgroundSaveSettled(STORY_ID);
    await vi.advanceTimersByTimeAsync(1_000); // the save again: conflict; the copy's first read fails
    await vi.advanceTimersByTimeAsync(1_000);
    await settled;

    expect(calls.map(([channel]) => channel)).toEqual([
      'stories:save',
      'stories:save',
      'stories:get',
      'stories:get',
      'stories:create',
    ]);
    expect(calls.at(-1)![1]).toMatchObject({
      headline: 'Their headline (my version)',
      byline: 'By Me',
      body: body('Mine'),
      slug: '',
    });
    expect(hasBackgroundSaves()).toBe(false);
  });
});
