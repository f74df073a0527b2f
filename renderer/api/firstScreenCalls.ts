import { hashKey } from '@tanstack/query-core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { eventInvalidations, followedChannels } from './invalidations';
import type { Transport } from './transport';

export const LIBRARY_PAGE_SIZE = 50;

/** The library's first page as it opens: no search, no filters. */
export const OPENING_LIBRARY_PAGE: ChannelInput<'library:query'> = {
  search: '',
  filters: { trashed: false },
  limit: LIBRARY_PAGE_SIZE,
};

/** A count needs no more than this; a different limit from the library's pages keeps their cache entries apart. */
const RETURNED_COUNTED = 100;

/** The stories an editor has returned to this author, as the sidebar counts them. */
export const returnedToAuthor = (author: string): ChannelInput<'library:query'> => ({
  filters: { status: ['returned'], author, trashed: false },
  limit: RETURNED_COUNTED,
});

/** An answer the app has not taken by then is dropped: it would be older than what the app expects. */
const TAKE_WITHIN_MS = 10_000;

/**
 * Asks the first screen's reads the moment the page's small entry script runs, while the app's own
 * bundle (React, the query cache, the editor) is still arriving and being evaluated, and hands each
 * answer to the app's first call of the same channel with the same input. An answer is taken once. A
 * core event, or a call that may write (any channel the events do not keep fresh), drops every answer
 * not yet taken: the app never reads one older than a change it could have seen.
 */
export function askFirstScreen(transport: Transport): Transport {
  const early = new Map<string, Promise<Result<unknown>>>();
  const keyOf = (channel: string, input: unknown) => hashKey([channel, input ?? {}]);
  const ask = <C extends Channel>(channel: C, input: ChannelInput<C>) => {
    const answer = transport.invoke(channel, input);
    early.set(keyOf(channel, input), answer);
    return answer as Promise<Result<ChannelOutput<C>>>;
  };
  const stopListening = Object.keys(eventInvalidations).map((name) => transport.on(name, () => dropAll()));
  const timer = setTimeout(() => dropAll(), TAKE_WITHIN_MS);
  function dropAll() {
    early.clear();
    clearTimeout(timer);
    stopListening.splice(0).forEach((stop) => stop());
  }

  void ask('people:current', {}).then((current) => {
    if (current.ok && current.value && early.size > 0)
      void ask('library:query', returnedToAuthor(current.value.name));
  });
  void ask('people:list', {});
  void ask('library:query', OPENING_LIBRARY_PAGE);
  void ask('desk:status', {});

  return {
    ...transport,
    invoke(channel, input) {
      const key = keyOf(channel, input);
      const answer = early.get(key);
      if (!answer) {
        if (!followedChannels.has(channel as Channel)) dropAll();
        return transport.invoke(channel, input);
      }
      early.delete(key);
      if (early.size === 0) dropAll();
      return answer;
    },
  };
}
