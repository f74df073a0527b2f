import { useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { useClient } from './ClientContext';
import { errorMessage } from './errorMessage';

export interface CallState<T> {
  value: T | undefined;
  error: string | null;
}

/**
 * Calls `channel` when the component mounts and again whenever `input` or `reloadKey` change;
 * a null input makes no call. An answer that arrives after the component moved on is dropped.
 */
export function useCall<C extends Channel>(
  channel: C,
  input: ChannelInput<C> | null,
  reloadKey: unknown = 0,
): CallState<ChannelOutput<C>> {
  const client = useClient();
  const [state, setState] = useState<CallState<ChannelOutput<C>>>({ value: undefined, error: null });
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    if (inputKey === 'null') return;
    let current = true;
    client
      .call(channel, JSON.parse(inputKey) as ChannelInput<C>)
      .then((value) => current && setState({ value, error: null }))
      .catch(
        (cause: unknown) => current && setState((previous) => ({ ...previous, error: errorMessage(cause) })),
      );
    return () => {
      current = false;
    };
  }, [client, channel, inputKey, reloadKey]);

  return state;
}
