import type { Core } from '../core/createCore';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { AppErrorShape } from '../../shared/ipc/errors';

/** A refused or failed channel call, with the core's `{code, message}`. */
export class CoreCallError extends Error {
  constructor(
    readonly channel: string,
    readonly error: AppErrorShape,
  ) {
    super(error.message);
  }
}

export type CallCore = <C extends Channel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** Calls the core through dispatch, as every host does, so the contract and the services' rules apply. */
export function coreCaller(core: Pick<Core, 'dispatch'>): CallCore {
  return async (channel, input) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new CoreCallError(channel, result.error);
    return result.value as ChannelOutput<typeof channel>;
  };
}
