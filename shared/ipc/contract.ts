import { z } from 'zod';
import { ImageType, MAX_IMAGE_BYTES, MediaRef } from '../domain/media';
import { Revision, RevisionSummary } from '../domain/revision';
import { Section } from '../domain/section';
import { Story, StoryFields, StoryId, StorySummary } from '../domain/story';

const NoInput = z.object({}).strict();
const ById = z.object({ id: StoryId }).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  host: z.enum(['electron', 'web', 'test']),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const StoryCreateInput = StoryFields.partial().strict();
export type StoryCreateInput = z.infer<typeof StoryCreateInput>;

export const StoryListInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
    trashed: z.boolean().default(false),
  })
  .strict();
export type StoryListInput = z.input<typeof StoryListInput>;

export const StoryPage = z.object({ items: z.array(StorySummary), nextCursor: z.string().nullable() });
export type StoryPage = z.infer<typeof StoryPage>;

export const StorySaveInput = z
  .object({
    id: StoryId,
    expectedVersion: z.number().int().positive(),
    changes: StoryFields.partial().strict(),
  })
  .strict();
export type StorySaveInput = z.infer<typeof StorySaveInput>;

export const MediaImportInput = z
  .object({
    fileName: z.string().max(255),
    mimeType: ImageType,
    dataBase64: z
      .string()
      .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4, `Images are limited to ${MAX_IMAGE_BYTES / 1024 / 1024} MB`),
  })
  .strict();
export type MediaImportInput = z.infer<typeof MediaImportInput>;

const ByRevision = z.object({ storyId: StoryId, n: z.number().int().positive() }).strict();

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Every request a renderer can make: channel → zod input and output. Hosts all call the same dispatch. */
export const contract = {
  /** Version, data directory and schema version of the running core. */
  'app:info': channel(NoInput, AppInfo),
  /** Creates a draft story; every field is optional. */
  'stories:create': channel(StoryCreateInput, Story),
  /** One story, trashed or not. */
  'stories:get': channel(ById, Story),
  /** A page of stories, most recently changed first; pass `nextCursor` back for the next page. */
  'stories:list': channel(StoryListInput, StoryPage),
  /** Saves changed fields if the story is still at `expectedVersion`; otherwise fails with `conflict`. */
  'stories:save': channel(StorySaveInput, Story),
  /** Moves a story to the trash (restorable). */
  'stories:trash': channel(ById, Story),
  /** Takes a story out of the trash. */
  'stories:restore': channel(ById, Story),
  /** The newsroom's sections, in desk order. */
  'sections:list': channel(NoInput, z.array(Section)),
  /** Stores an image in the data directory under its content hash (the same image is stored once). */
  'media:import': channel(MediaImportInput, MediaRef),
  /** A story's revisions, newest first. */
  'revisions:list': channel(z.object({ storyId: StoryId }).strict(), z.array(RevisionSummary)),
  /** One revision with its fields and body, for preview. */
  'revisions:get': channel(ByRevision, Revision),
  /** "Save version": a named revision of the story as it is stored now. */
  'revisions:create': channel(
    z.object({ storyId: StoryId, label: z.string().trim().max(120).default('') }).strict(),
    RevisionSummary,
  ),
  /** Makes the story look like revision `n` again; the restore is itself a new revision. */
  'revisions:restore': channel(
    ByRevision.extend({ expectedVersion: z.number().int().positive() }).strict(),
    Story,
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;

export const StoryChanged = z.object({
  id: StoryId,
  version: z.number().int(),
  change: z.enum(['created', 'saved', 'trashed', 'restored']),
});

/** Events the core pushes to every window: name → zod payload. */
export const events = {
  'stories:changed': StoryChanged,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const channelNames = Object.keys(contract) as Channel[];
export const eventNames = Object.keys(events) as EventName[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
