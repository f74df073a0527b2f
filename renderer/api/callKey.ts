import type { Channel, ChannelInput } from '../../shared/ipc/contract';

/** The query key of a call: what was asked of which channel. */
export type CallKey<C extends Channel = Channel> = readonly [C, ChannelInput<C>];

export const callKey = <C extends Channel>(channel: C, input: ChannelInput<C>): CallKey<C> => [
  channel,
  input,
];
