import type { z } from 'zod';
import { appChannels } from './channels/app';
import { activityChannels } from './channels/activity';
import { commentChannels, commentEvents } from './channels/comments';
import { peopleChannels, peopleEvents } from './channels/people';
import { workflowChannels } from './channels/workflow';
import { libraryChannels } from './channels/library';
import { linkChannels } from './channels/links';
import { tagChannels, tagEvents } from './channels/tags';
import { mediaChannels } from './channels/media';
import { revisionChannels } from './channels/revisions';
import { sectionChannels } from './channels/sections';
import { settingsChannels } from './channels/settings';
import { storyChannels, storyEvents } from './channels/stories';
import { targetChannels } from './channels/targets';
import { publishChannels, publishEvents } from './channels/publish';
import { deskChannels, deskEvents } from './channels/desk';
import { deskDocChannels, deskDocEvents } from './channels/deskDoc';
import { backupChannels } from './channels/backups';

export * from './channels/app';
export * from './channels/workflow';
export * from './channels/media';
export * from './channels/stories';
export * from './channels/library';
export * from './channels/links';
export * from './channels/targets';
export * from './channels/publish';
export * from './channels/desk';
export * from './channels/deskDoc';
export * from './channels/backups';

/**
 * Every request a renderer can make: channel → zod input and output, one file per domain under
 * channels/. Hosts all call the same dispatch.
 */
export const contract = {
  ...appChannels,
  ...storyChannels,
  ...sectionChannels,
  ...mediaChannels,
  ...revisionChannels,
  ...settingsChannels,
  ...peopleChannels,
  ...workflowChannels,
  ...commentChannels,
  ...activityChannels,
  ...libraryChannels,
  ...linkChannels,
  ...tagChannels,
  ...targetChannels,
  ...publishChannels,
  ...deskChannels,
  ...deskDocChannels,
  ...backupChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

/** Events the core pushes to every window: name → zod payload. */
export const events = {
  ...storyEvents,
  ...tagEvents,
  ...publishEvents,
  ...commentEvents,
  ...peopleEvents,
  ...deskEvents,
  ...deskDocEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
