import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { callKey } from './callKey';
import { errorMessage } from './errorMessage';

export interface CallState<T> {
  value: T | undefined;
  error: string | null;
  loading: boolean;
}

/**
 * The cached answer of `channel` for `input` (a null input asks nothing), asked when first shown and again
 * when an event or a write makes it stale.
 */
export function useQueryCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  options: Pick<UseQueryOptions<ChannelOutput<C>>, 'placeholderData' | 'queryFn' | 'enabled'> = {},
): CallState<ChannelOutput<C>> {
  const query = useQuery<ChannelOutput<C>>({
    queryKey: callKey(channel, input ?? ({} as ChannelInput<C>)),
    ...options,
    enabled: input !== null && options.enabled !== false,
  });
  return {
    value: query.data,
    error: query.error ? errorMessage(query.error) : null,
    loading: query.isFetching,
  };
}
