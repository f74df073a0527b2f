import { afterEach, expect, it } from 'vitest';
import type { EventName, LibraryPage } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { askFirstScreen, OPENING_LIBRARY_PAGE } from '../../../renderer/api/firstScreenCalls';
import type { Transport } from '../../../renderer/api/transport';
import { testCore } from '../../support/testCore';

let dispose = () => undefined as void;
afterEach(() => dispose());

/** A real core behind a transport that counts what reaches it, wrapped as the app's entry wraps it. */
async function firstScreen() {
  const core = testCore();
  const stopped: (() => void)[] = [];
  dispose = () => {
    stopped.forEach((stop) => stop());
    core.dispose();
  };
  await core.call('people:create', { name: 'Rey Reporter', role: 'reporter' });
  await core.call('stories:create', { headline: 'Ferry timetable changes' });
  const reached: string[] = [];
  const transport: Transport = {
    kind: 'http',
    invoke: (channel, input) => {
      reached.push(channel);
      return core.dispatch(channel, input);
    },
    on: (event, callback) => {
      const stop = core.events.on(event as EventName, callback);
      stopped.push(stop);
      return stop;
    },
  };
  const app = askFirstScreen(transport);
  // The person's answer, and the sidebar's count asked after it.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const count = (channel: string) => reached.filter((name) => name === channel).length;
  const headlines = async () => {
    const page = (await app.invoke('library:query', OPENING_LIBRARY_PAGE)) as Result<LibraryPage>;
    if (!page.ok) throw new Error(page.error.message);
    return page.value.items.map((row) => row.headline);
  };
  return { core, app, count, headlines };
}

it("hands the first screen's reads to the app's first calls of the same input, once each", async () => {
  const { app, count, headlines } = await firstScreen();
  expect(count('people:current')).toBe(1);
  expect(count('library:query')).toBe(2);

  const current = await app.invoke('people:current', {});
  expect(current).toMatchObject({ ok: true, value: { name: 'Rey Reporter' } });
  // The same input written in another order is the same call.
  await app.invoke('library:query', {
    limit: 100,
    filters: { trashed: false, author: 'Rey Reporter', status: ['returned'] },
  });
  expect(await headlines()).toEqual(['Ferry timetable changes']);
  expect(count('people:current')).toBe(1);
  expect(count('library:query')).toBe(2);

  // Taken once: asked again, it goes to the core.
  await app.invoke('people:current', {});
  expect(count('people:current')).toBe(2);
});

it('drops the answers not yet taken once the core announces a change', async () => {
  const { core, count, headlines } = await firstScreen();
  await core.call('stories:create', { headline: 'Pier reopens' });
  expect((await headlines()).sort()).toEqual(['Ferry timetable changes', 'Pier reopens']);
  expect(count('library:query')).toBe(3);
});

it('drops the answers not yet taken once the app makes a call that may write', async () => {
  const { app, count } = await firstScreen();
  await app.invoke('sections:create', { name: 'Harbour' });
  await app.invoke('desk:status', {});
  expect(count('desk:status')).toBe(2);
});
