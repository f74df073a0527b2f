import type { QueryClient } from '@tanstack/react-query';
import type { Story } from '../../shared/domain/story';
import type { Channel, EventName, EventPayload } from '../../shared/ipc/contract';
import { callKey } from './callKey';
import type { Client } from './client';
import { eventInvalidations, writeInvalidations, type Known, type Stale } from './invalidations';
import { liveDocs } from './liveDocs';
import { putStory, type SavedHere } from './storyAnswers';

const storyIdOf = (input: unknown): string | undefined => {
  const { id, storyId } = (input ?? {}) as { id?: unknown; storyId?: unknown };
  return typeof id === 'string' ? id : typeof storyId === 'string' ? storyId : undefined;
};

/** Writes answered with the story as stored: their answers go into the cache. */
const STORY_WRITES = new Set<Channel>([
  'stories:create',
  'stories:save',
  'stories:trash',
  'stories:restore',
  'workflow:transition',
  'revisions:restore',
]);

/** Writes answered with what a read of another channel answers now: the answer becomes that read's. */
const ANSWER_IS: Partial<Record<Channel, (input: unknown) => readonly unknown[]>> = {
  'settings:update': () => callKey('settings:get', {}),
  'people:create': () => callKey('people:current', {}),
  'people:switch': () => callKey('people:current', {}),
  'publish:chooseTarget': (input) => callKey('publish:preflight', { storyId: storyIdOf(input)! }),
};

/** A burst of events (a save that moves many comment anchors, a tag merge) becomes one round of reloads. */
const BATCH_MS = 150;

/**
 * The client components use: every call goes to the core as before, and its answer goes into the query
 * cache (a story write updates the open story and its list rows; a write the core sends no event for
 * marks what it changed stale). Core events mark stale what `eventInvalidations` says, once this
 * window's own writes of that story have answered.
 */
export function createDataClient(client: Client, queryClient: QueryClient) {
  const writing = new Map<string, Promise<unknown>>();
  const savedHere = new Map<string, SavedHere>();
  const pending = new Map<string, Stale>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flushStale = () => {
    timer = undefined;
    const due = [...pending.values()];
    pending.clear();
    for (const { key, refetch } of due)
      void queryClient.invalidateQueries({
        queryKey: key,
        refetchType: refetch === false ? 'none' : 'active',
      });
  };
  const markStale = (stale: Stale[]) => {
    for (const entry of stale) {
      const id = JSON.stringify(entry.key);
      // Asking again wins over only marking stale.
      if (!pending.has(id) || pending.get(id)?.refetch === false) pending.set(id, entry);
    }
    timer ??= setTimeout(flushStale, BATCH_MS);
  };

  /** Marks a write of the story as on its way before it is sent: its event can arrive before its answer. */
  const startWrite = (storyId: string | undefined): (() => void) => {
    if (!storyId) return () => undefined;
    let done: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (done = resolve));
    writing.set(storyId, settled);
    void settled.then(() => writing.get(storyId) === settled && writing.delete(storyId));
    return done;
  };

  const call: Client['call'] = async (channel, input) => {
    const written = startWrite(STORY_WRITES.has(channel) ? storyIdOf(input) : undefined);
    try {
      const value = await client.call(channel, input);
      if (STORY_WRITES.has(channel)) {
        const story = value as Story;
        const saved = putStory(queryClient, story, channel === 'stories:save');
        if (saved) savedHere.set(story.id, saved);
      }
      written();
      const readKey = ANSWER_IS[channel]?.(input);
      if (readKey) queryClient.setQueryData(readKey, value);
      // Answered once what the write changed is asked again, as a reload right after it was.
      const stale = writeInvalidations[channel];
      if (stale)
        await Promise.all(stale.map(({ key }) => queryClient.invalidateQueries({ queryKey: key }))).catch(
          () => undefined,
        );
      return value;
    } finally {
      written();
    }
  };

  const knownOf = async (event: EventPayload<'stories:changed'>): Promise<Known> => {
    await writing.get(event.id);
    const held = queryClient.getQueryData<Story>(callKey('stories:get', { id: event.id }));
    const saved = savedHere.get(event.id);
    const savedNow = saved?.version === event.version && event.change === 'saved';
    return {
      holdsVersion: held !== undefined && held.version >= event.version,
      savedHere: savedNow,
      linksChanged: savedNow ? saved.linksChanged : true,
      liveHere: liveDocs.has(event.id),
    };
  };
  const NOTHING_KNOWN: Known = {
    holdsVersion: false,
    savedHere: false,
    linksChanged: true,
    liveHere: false,
  };

  /** Follows the core's events until the returned function is called. */
  const follow = (): (() => void) => {
    const offs = (Object.keys(eventInvalidations) as EventName[]).map((name) =>
      client.on(name, (payload) => {
        const rule = eventInvalidations[name] as (payload: unknown, known: Known) => Stale[];
        if (name !== 'stories:changed') return markStale(rule(payload, NOTHING_KNOWN));
        void knownOf(payload as EventPayload<'stories:changed'>).then((known) =>
          markStale(rule(payload, known)),
        );
      }),
    );
    // Events missed while the stream was down could have changed anything held.
    const offReconnect = client.onReconnect?.(() => void queryClient.invalidateQueries());
    // Edited live, the story was not reloaded as its doc reached the row: an editor shown without the doc
    // from now on starts from the row as it is.
    const offLeft = liveDocs.onLeft(
      (id) => void queryClient.invalidateQueries({ queryKey: callKey('stories:get', { id }) }),
    );
    return () => {
      offs.forEach((off) => off());
      offReconnect?.();
      offLeft();
      clearTimeout(timer);
    };
  };

  const dataClient: Client = { kind: client.kind, call, on: client.on, onReconnect: client.onReconnect };
  return { client: dataClient, follow };
}
