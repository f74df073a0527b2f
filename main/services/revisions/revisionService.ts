import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { Revision, RevisionReason, RevisionSummary } from '../../../shared/domain/revision';
import { StoryFields, storyFieldsOf, type Story, type StoryBody } from '../../../shared/domain/story';
import { AppError } from '../../../shared/ipc/errors';
import type { RevisionQueries, RevisionRecord, RevisionWithSnapshot } from '../../db/queries/revisionQueries';
import type { RevisionRecorder, StoryService } from '../stories/storyService';

/** Autosaves within this long of the newest autosave revision's creation are folded into it. */
export const AUTOSAVE_COALESCE_MS = 5 * 60 * 1000;

export interface RevisionServiceDeps {
  queries: RevisionQueries;
  stories: StoryService;
  now: () => Date;
  /** The body a restore saves: `restored` with what of `current` must survive (comment anchors). */
  carryOver(storyId: string, restored: StoryBody, current: StoryBody): StoryBody;
}

// slugEdited rides along so a restore can make the slug follow the headline again.
// Snapshots from before embargoes existed have none; those from before tags were kept have no tags.
const Snapshot = StoryFields.extend({
  slugEdited: z.boolean().optional(),
  embargoUntil: StoryFields.shape.embargoUntil.default(null),
  tags: z.array(z.string()).optional(),
});
type Snapshot = z.infer<typeof Snapshot>;

function pack(story: Story, tags: string[]): Buffer {
  const snapshot: Snapshot = { ...storyFieldsOf(story), slugEdited: story.slugEdited, tags };
  return deflateRawSync(JSON.stringify(snapshot));
}

function unpack(revision: RevisionWithSnapshot): Snapshot {
  try {
    return Snapshot.parse(JSON.parse(inflateRawSync(revision.snapshot).toString('utf8')));
  } catch {
    throw new AppError(
      'internal',
      `Revision ${revision.n} of story ${revision.storyId} is damaged and cannot be read`,
    );
  }
}

function toSummary(revision: RevisionRecord, previousWordCount: number | null): RevisionSummary {
  return {
    storyId: revision.storyId,
    n: revision.n,
    reason: revision.reason,
    label: revision.label,
    author: revision.author,
    createdAt: new Date(revision.createdAt).toISOString(),
    updatedAt: new Date(revision.updatedAt).toISOString(),
    storyVersion: revision.storyVersion,
    headline: revision.headline,
    wordCount: revision.wordCount,
    wordDelta: previousWordCount === null ? 0 : revision.wordCount - previousWordCount,
  };
}

const coalesces = (newest: RevisionRecord | null, author: string, at: number): newest is RevisionRecord =>
  newest?.reason === 'autosave' && newest.author === author && at - newest.createdAt < AUTOSAVE_COALESCE_MS;

/** The revision recorder, with autosaves noted in their save and recorded after it. */
export interface RevisionLog extends RevisionRecorder {
  /**
   * Folds the story's pending autosave (every story's, without an id) into its revisions. An autosave
   * is only noted in its save's transaction (compressing a long story's snapshot is most of a save);
   * this records it as the save would have, and runs before anything reads or adds revisions.
   */
  catchUp(storyId?: string): void;
}

/** Records revisions for the story service, coalescing autosaves; runs inside the story's transaction. */
export function createRevisionRecorder({
  queries,
  now,
  tagsOf,
  storyOf,
}: Pick<RevisionServiceDeps, 'queries' | 'now'> & {
  /** The story's tags, kept with each revision so a comparison shows tag changes. */
  tagsOf(storyId: string): string[];
  /** The story as stored now, to record a pending autosave. */
  storyOf(storyId: string): Story | null;
}): RevisionLog {
  const store = (
    story: Story,
    tags: string[],
    {
      reason,
      label,
      author,
      at,
      createdAt = at,
    }: { reason: RevisionReason; label: string; author: string; at: number; createdAt?: number },
  ): number => {
    const snapshot = pack(story, tags);
    const derived = { headline: story.headline, wordCount: story.wordCount, storyVersion: story.version };
    const newest = queries.newest(story.id);
    if (
      reason === 'autosave' &&
      coalesces(newest, author, at) &&
      queries.refresh({ storyId: story.id, n: newest.n, updatedAt: at, snapshot, ...derived })
    ) {
      return newest.n;
    }
    const n = (newest?.n ?? 0) + 1;
    queries.insert({
      storyId: story.id,
      n,
      reason,
      label,
      author,
      createdAt,
      updatedAt: at,
      snapshot,
      ...derived,
    });
    return n;
  };

  const catchUpStory = (storyId: string): void => {
    const pending = queries.pending(storyId);
    if (!pending) return;
    queries.clearPending(storyId);
    const story = storyOf(storyId);
    if (!story) return;
    // Every other write of the story's recorded fields catches up first, so the stored story is the saved one.
    store({ ...story, version: pending.storyVersion }, pending.tags, {
      reason: 'autosave',
      label: '',
      author: pending.author,
      at: pending.savedAt,
      createdAt: pending.landsAt,
    });
  };

  /** Notes an autosave; returns the revision it will fold into. */
  const defer = (story: Story, author: string, at: number): number => {
    let pending = queries.pending(story.id);
    // An autosave that would not fold into the pending one's revision leaves that revision as it was.
    if (pending && (pending.author !== author || at - pending.landsAt >= AUTOSAVE_COALESCE_MS)) {
      catchUpStory(story.id);
      pending = null;
    }
    const newest = queries.newest(story.id);
    const landsAt = pending?.landsAt ?? (coalesces(newest, author, at) ? newest.createdAt : at);
    queries.putPending({
      storyId: story.id,
      author,
      savedAt: at,
      landsAt,
      storyVersion: story.version,
      tags: tagsOf(story.id),
    });
    return coalesces(newest, author, at) && newest.createdAt === landsAt ? newest.n : (newest?.n ?? 0) + 1;
  };

  return {
    transaction: (work) => queries.transaction(work),
    record(story, { reason, label = '', author }) {
      const at = now().getTime();
      if (reason === 'autosave') return defer(story, author, at);
      catchUpStory(story.id);
      return store(story, tagsOf(story.id), { reason, label, author, at });
    },
    catchUp(storyId) {
      queries.transaction(() => {
        for (const id of storyId === undefined ? queries.pendingStories() : [storyId]) catchUpStory(id);
      });
    },
  };
}

/** Story revisions: named versions, preview and restore. */
export function createRevisionService({
  queries,
  stories,
  carryOver,
  log,
}: Omit<RevisionServiceDeps, 'now'> & { log: Pick<RevisionLog, 'catchUp'> }) {
  const mustGet = (storyId: string, n: number): RevisionWithSnapshot => {
    log.catchUp(storyId);
    const revision = queries.get(storyId, n);
    if (revision) return revision;
    stories.get(storyId); // an unknown story is not-found as such, not as a missing revision
    throw new AppError('not-found', `Story ${storyId} has no revision ${n}`);
  };

  return {
    /** A story's revisions, newest first, each with its word change since the one before. */
    list(storyId: string): RevisionSummary[] {
      log.catchUp(storyId);
      const revisions = queries.list(storyId);
      if (revisions.length === 0) stories.get(storyId); // not-found for an unknown story
      return revisions.map((revision, i) => toSummary(revision, revisions[i + 1]?.wordCount ?? null));
    },

    /** One revision with the story's fields and body as they were then. */
    get(storyId: string, n: number): Revision {
      const revision = mustGet(storyId, n);
      const { slugEdited: _slugEdited, tags = null, ...fields } = unpack(revision);
      return { ...toSummary(revision, revision.previousWordCount), fields, tags };
    },

    /** "Save version": appends a manual revision of the story as it is stored now. */
    create(storyId: string, label: string): RevisionSummary {
      const n = stories.recordRevision(storyId, { reason: 'manual', label });
      const revision = mustGet(storyId, n);
      return toSummary(revision, revision.previousWordCount);
    },

    /**
     * Saves revision `n`'s fields and body back over the story (a conflict if it is no longer at
     * `expectedVersion`) and records that as a new `restore` revision; older revisions stay.
     */
    restore({ storyId, n, expectedVersion }: { storyId: string; n: number; expectedVersion: number }): Story {
      const { slugEdited, tags: _tags, ...fields } = unpack(mustGet(storyId, n));
      const body = carryOver(storyId, fields.body, stories.get(storyId).body);
      return stories.save(
        {
          id: storyId,
          expectedVersion,
          changes: { ...fields, body, slug: slugEdited === false ? '' : fields.slug },
        },
        { reason: 'restore', label: `Restored revision ${n}` },
      );
    },
  };
}

export type RevisionService = ReturnType<typeof createRevisionService>;
