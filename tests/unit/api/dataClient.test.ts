import { InfiniteQueryObserver, QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../../main/core/createCore';
import type { Story } from '../../../shared/domain/story';
import type { EventName, LibraryPage, Preflight } from '../../../shared/ipc/contract';
import { callKey } from '../../../renderer/api/callKey';
import { createClient } from '../../../renderer/api/client';
import { createDataClient } from '../../../renderer/api/dataClient';
import { createQueryClient } from '../../../renderer/api/queryClient';
import { publishingCore, storyReadyToPublish } from '../../integration/publishTestKit';
import { testCore } from '../../support/testCore';

let dispose = () => undefined as void;
afterEach(() => dispose());

/** The renderer's data layer over the in-process transport, counting the calls that reach the core. */
function renderer(core: Pick<Core, 'dispatch' | 'events'>) {
  const calls: string[] = [];
  const transport = createClient({
    kind: 'http',
    invoke: (channel, input) => {
      calls.push(channel);
      return core.dispatch(channel, input);
    },
    on: (event, callback) => core.events.on(event as EventName, callback),
  });
  const queryClient = createQueryClient(transport);
  const data = createDataClient(transport, queryClient);
  const stop = data.follow();
  return { calls, queryClient, client: data.client, stop };
}

/** The library's list as the app asks for it. */
const libraryList = (queryClient: QueryClient) =>
  new InfiniteQueryObserver<LibraryPage>(queryClient, {
    queryKey: callKey('library:query', { search: '', filters: { trashed: false }, limit: 50 }),
    initialPageParam: undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

it('a save answered here updates the open story and its list row, and the event that follows asks nothing', async () => {
  const core = testCore();
  dispose = core.dispose;
  await core.call('people:create', { name: 'Rita Reporter', role: 'reporter' });
  const story = await core.call<Story>('stories:create', { headline: 'Harbour fees rise' });
  const { calls, queryClient, client, stop } = renderer(core);
  const open = new QueryObserver<Story>(queryClient, { queryKey: callKey('stories:get', { id: story.id }) });
  const list = libraryList(queryClient);
  const offOpen = open.subscribe(() => undefined);
  const offList = list.subscribe(() => undefined);
  await settle();
  expect(calls.sort()).toEqual(['library:query', 'stories:get']);

  calls.length = 0;
  // In process, the core's stories:changed is delivered before the answer: the event waits for it.
  await client.call('stories:save', {
    id: story.id,
    expectedVersion: story.version,
    changes: { headline: 'Harbour fees rise again' },
  });
  await settle();
  expect(calls).toEqual(['stories:save']);
  expect(open.getCurrentResult().data).toMatchObject({ headline: 'Harbour fees rise again', version: 2 });
  expect(list.getCurrentResult().data?.pages[0]?.items[0]).toMatchObject({
    id: story.id,
    headline: 'Harbour fees rise again',
    version: 2,
  });

  calls.length = 0;
  // The same save made elsewhere (another window, the command line) is asked for again.
  await core.call('stories:save', { id: story.id, expectedVersion: 2, changes: { standfirst: 'From May.' } });
  await settle();
  expect(calls.sort()).toEqual(['library:query', 'stories:get']);
  expect(open.getCurrentResult().data).toMatchObject({ standfirst: 'From May.', version: 3 });

  offOpen();
  offList();
  stop();
  queryClient.clear();
});

it('a save of a published story marks its pre-flight and its list row changed since published, asking nothing', async () => {
  const kit = publishingCore();
  dispose = kit.dispose;
  const story = await storyReadyToPublish(kit);
  await kit.call('publish:start', { storyId: story.id, targetId: 'static' });
  await kit.runDue();
  const { calls, queryClient, client, stop } = renderer(kit.core);
  const preflight = new QueryObserver<Preflight>(queryClient, {
    queryKey: callKey('publish:preflight', { storyId: story.id }),
  });
  const list = libraryList(queryClient);
  const offPreflight = preflight.subscribe(() => undefined);
  const offList = list.subscribe(() => undefined);
  await settle();
  expect(preflight.getCurrentResult().data?.publication).toMatchObject({
    state: 'published',
    changedSince: false,
  });
  expect(list.getCurrentResult().data?.pages[0]?.items[0]).toMatchObject({
    id: story.id,
    changedSincePublished: false,
  });

  calls.length = 0;
  const published = await kit.call('stories:get', { id: story.id });
  await client.call('stories:save', {
    id: story.id,
    expectedVersion: published.version,
    changes: { headline: 'Harbour fees rise again' },
  });
  await settle();
  expect(calls).toEqual(['stories:save']);
  expect(preflight.getCurrentResult().data?.publication).toMatchObject({ changedSince: true });
  expect(list.getCurrentResult().data?.pages[0]?.items[0]).toMatchObject({
    id: story.id,
    changedSincePublished: true,
  });

  offPreflight();
  offList();
  stop();
  queryClient.clear();
});
