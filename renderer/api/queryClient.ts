import { QueryClient } from '@tanstack/react-query';
import type { Channel, ChannelInput } from '../../shared/ipc/contract';
import type { Client } from './client';
import { followedChannels } from './invalidations';

/**
 * The renderer's one cache of answers, keyed by `[channel, input]`. An answer the core announces changes
 * of (see invalidations.ts) stays fresh until an event says otherwise; any other is asked again when a
 * component showing it mounts, as before the cache.
 */
export function createQueryClient(client: Client): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A paged answer (useInfiniteQuery) asks for the next page by its cursor.
        queryFn: ({ queryKey, pageParam }) => {
          const [channel, input] = queryKey as unknown as [Channel, ChannelInput<Channel>];
          return client.call(channel, (pageParam ? { ...input, cursor: pageParam } : input) as never);
        },
        staleTime: ({ queryKey }) => (followedChannels.has(queryKey[0] as Channel) ? Infinity : 0),
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  });
}
