import { monotonicFactory } from 'ulid';
import type { RevisionReason } from '../../../shared/domain/revision';
import { slugify } from '../../../shared/domain/slug';
import { emptyBody, type Story, type StoryFields, type StoryStatus } from '../../../shared/domain/story';
import type { StoryCreateInput, StorySaveInput } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { StoryHead, StoryQueries, StoryRecord } from '../../db/queries/storyQueries';
import type { CoreEvents } from '../../core/coreEvents';
import { cleanStoryFields, type BodyFacts, type StoryReferences } from './storyInput';

export type StoryChange = 'created' | 'saved' | 'trashed' | 'restored';

/** Runs inside the transaction of every story write, so derived data never disagrees with the story. */
export type StoryWriteHook = (story: Story, change: StoryChange, facts: StoryWriteFacts) => void;

export interface StoryWriteFacts {
  /** The write set the body (a create, or a save that carried one). */
  bodyChanged: boolean;
}

export interface StoryServiceDeps {
  /** Other domains' derived data (links, search, activity…), kept in step with each write. */
  afterWrite?: StoryWriteHook[];
  queries: StoryQueries;
  /** Every create and save records a revision through it, in the same transaction. */
  revisions: RevisionRecorder;
  now: () => Date;
  events: CoreEvents;
  author: () => string;
  /** Checks the section and images a story points at. */
  references: StoryReferences;
}

/** Why a write records a revision, and under what label. */
export interface RevisionNote {
  reason: RevisionReason;
  label?: string;
}

/** Records revisions in the same transaction as the story row they describe. */
export interface RevisionRecorder {
  transaction<T>(work: () => T): T;
  /** Records `story` as a revision and returns its number. */
  record(story: Story, note: RevisionNote & { author: string }): number;
}

/** Applies changed fields to a stored story; the slug follows the headline until someone edits it. */
function applyChanges(story: Story, changes: Partial<StoryFields>): Story {
  const next = { ...story, ...changes };
  if (changes.slug !== undefined) {
    next.slugEdited = changes.slug !== '';
    if (changes.slug === '') next.slug = slugify(next.headline);
  } else if (changes.headline !== undefined && !story.slugEdited) {
    next.slug = slugify(changes.headline);
  }
  return next;
}

/** A story's version before and after a write (the same when nothing was written). */
export interface VersionMove {
  from: number;
  to: number;
}

/** Stories: create, read, page through, save with optimistic concurrency, trash and restore. */
export function createStoryService({
  queries,
  revisions,
  now,
  events,
  author,
  references,
  afterWrite = [],
}: StoryServiceDeps) {
  const newId = monotonicFactory();
  const inTransaction = <T>(work: () => T): T => revisions.transaction(work);
  const recordRevision = (story: Story, note: RevisionNote) => {
    revisions.record(story, { ...note, author: author() });
  };
  const found = <T>(story: T | null, id: string): T => {
    if (!story) throw new AppError('not-found', `No story with id ${id}`);
    return story;
  };
  const mustGet = (id: string): Story => found(queries.get(id), id);

  /** Writes `story`, changed from `before` (the stored story at its version), with the given note and facts. */
  const write = (
    before: Story,
    story: Story,
    change: Exclude<StoryChange, 'created'>,
    /** What is derived from the body, when the body changed. */
    derived?: BodyFacts,
    note?: RevisionNote,
    fromDoc?: true,
  ): Story => {
    const bodyChanged = derived !== undefined;
    const expectedVersion = before.version;
    const record: StoryRecord = {
      ...story,
      ...(derived ?? { bodyText: '', wordCount: story.wordCount }),
      createdAt: Date.parse(story.createdAt),
      updatedAt: now().getTime(),
      trashedAt: story.trashedAt === null ? null : Date.parse(story.trashedAt),
      version: expectedVersion + 1,
    };
    const stored = inTransaction(() => {
      if (!queries.update(record, expectedVersion, before, bodyChanged)) {
        const current = mustGet(story.id);
        throw new AppError(
          'conflict',
          `This story was changed elsewhere (now version ${current.version}, you had ${expectedVersion}).`,
          { currentVersion: current.version, updatedAt: current.updatedAt },
        );
      }
      const saved = queries.asStored(record);
      if (note) recordRevision(saved, note);
      afterWrite.forEach((hook) => hook(saved, change, { bodyChanged }));
      return saved;
    });
    events.emit('stories:changed', {
      id: story.id,
      version: record.version,
      change,
      ...(fromDoc ? { fromDoc } : {}),
    });
    return stored;
  };

  return {
    /** `options.id`, `options.author`: a story that already exists elsewhere (the newsroom desk) keeps them here. */
    create(rawInput: StoryCreateInput, options: { id?: string; author?: string } = {}): Story {
      const { fields: input, derived } = cleanStoryFields(
        { ...rawInput, body: rawInput.body ?? emptyBody() },
        references,
      );
      const at = now().getTime();
      const headline = input.headline ?? '';
      const record: StoryRecord = {
        id: options.id ?? newId(at),
        headline,
        standfirst: input.standfirst ?? '',
        byline: input.byline ?? '',
        dateline: input.dateline ?? '',
        credit: input.credit ?? '',
        slug: input.slug || slugify(headline),
        slugEdited: Boolean(input.slug),
        sectionId: input.sectionId ?? null,
        featuredImage: input.featuredImage ?? null,
        embargoUntil: input.embargoUntil ?? null,
        status: 'draft',
        body: input.body,
        ...derived!,
        author: options.author ?? author(),
        createdAt: at,
        updatedAt: at,
        trashedAt: null,
        version: 1,
      };
      const created = inTransaction(() => {
        queries.insert(record);
        const stored = mustGet(record.id);
        recordRevision(stored, { reason: 'created' });
        afterWrite.forEach((hook) => hook(stored, 'created', { bodyChanged: true }));
        return stored;
      });
      events.emit('stories:changed', { id: record.id, version: 1, change: 'created' });
      return created;
    },

    get: mustGet,

    /** The story without its body (not read nor parsed), for what needs only its fields or version. */
    head: (id: string): StoryHead => found(queries.head(id), id),

    /**
     * Saves changed fields and records the result as a revision (coalesced autosave unless `note` says otherwise).
     * `fromDoc`: the changes are the story's desk doc written into the row.
     */
    save(
      { id, expectedVersion, changes }: StorySaveInput,
      note: RevisionNote = { reason: 'autosave' },
      { fromDoc }: { fromDoc?: true } = {},
    ): Story {
      const { fields, derived } = cleanStoryFields(changes, references);
      // A new body replaces the stored one, which is then never parsed (a long story's is most of a read).
      const story = fields.body === undefined ? mustGet(id) : found(queries.getWithBody(id, fields.body), id);
      if (story.trashedAt !== null)
        throw new AppError('conflict', 'This story is in the trash; restore it first.');
      return write(
        { ...story, version: expectedVersion },
        applyChanges(story, fields),
        'saved',
        derived,
        note,
        fromDoc,
      );
    },

    trash(id: string): Story {
      const story = mustGet(id);
      if (story.trashedAt !== null) return story;
      return write(story, { ...story, trashedAt: now().toISOString() }, 'trashed');
    },

    restore(id: string): Story {
      const story = mustGet(id);
      if (story.trashedAt === null) return story;
      return write(story, { ...story, trashedAt: null }, 'restored');
    },

    /** Records a revision of the story as it is stored now, e.g. "Save version". */
    recordRevision(id: string, note: RevisionNote): number {
      return revisions.transaction(() => revisions.record(mustGet(id), { ...note, author: author() }));
    },

    /**
     * Moves `story` (as just read) to `status` if it is still at that version (the workflow decides who
     * may), with a revision. A published story keeps its URL: from then on its slug no longer follows the headline.
     */
    setStatus(story: Story, status: StoryStatus, note: RevisionNote): Story {
      if (story.trashedAt !== null)
        throw new AppError('conflict', 'This story is in the trash; restore it first.');
      const slugEdited = story.slugEdited || status === 'published';
      return write(story, { ...story, status, slugEdited }, 'saved', undefined, note);
    },
  };
}

export type StoryService = ReturnType<typeof createStoryService>;
