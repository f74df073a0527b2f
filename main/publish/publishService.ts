import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { preflightItems } from '../../shared/domain/preflight';
import type { Publication, PublishJob } from '../../shared/domain/publication';
import type { Section } from '../../shared/domain/section';
import type { Settings } from '../../shared/domain/settings';
import { storyFieldsOf, type Story } from '../../shared/domain/story';
import { storyToHtml } from '../../shared/editor';
import type { Preflight, PublishStartInput } from '../../shared/ipc/channels/publish';
import { AppError } from '../../shared/ipc/errors';
import type { CoreEvents } from '../core/coreEvents';
import type {
  PublicationQueries,
  PublicationRecord,
  PublishedSnapshot,
} from '../db/queries/publicationQueries';
import type { PublishJobQueries, PublishJobRecord } from '../db/queries/publishJobQueries';
import type { TargetQueries, TargetRecord } from '../db/queries/targetQueries';
import { PublishError } from './publishError';
import { retryDelay } from './publishWorker';
import { linkedStoryIds, mediaSources, withAlsoReadHeadlines, type StoryFacts } from './storyFacts';
import type { MediaAsset, TargetAdapter } from './targetAdapter';
import type { TargetService } from './targetService';
import { staticTarget } from './targets/static/staticTarget';
import { wordpressTarget } from './targets/wordpress/wordpressTarget';

export interface PublishServiceDeps {
  targets: TargetService;
  targetCache: TargetQueries;
  publications: PublicationQueries;
  jobs: PublishJobQueries;
  facts: StoryFacts;
  getStory(id: string): Story;
  settings(): Settings;
  sections(): Section[];
  mediaDir: string;
  events: CoreEvents;
  now: () => Date;
  /** Marks a story published (the workflow's move, with its activity and revision); default: the status column alone. */
  markPublished?: (storyId: string, site: string) => void;
  /** Marks a story no longer published anywhere; default: the status column alone. */
  markUnpublished?: (storyId: string, site: string) => void;
  /** The role of the current person, if people are set up (only editors publish). */
  publisherRole?: () => 'reporter' | 'editor' | null;
  /** Whether an approved story was edited after its approval (then it needs approving again). */
  changedSinceApproval?: (storyId: string) => boolean;
  /** Called after a job is queued so the worker looks at it. */
  onQueued?: () => void;
  siteTitle?: string;
}

const MIME_OF: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};
const iso = (ms: number) => new Date(ms).toISOString();

/** Pre-flight, the outbox of publish jobs, and sending one job to its target. */
export function createPublishService(deps: PublishServiceDeps) {
  const { targets, publications, jobs, facts, events, now } = deps;
  const newId = monotonicFactory();

  const toJob = (job: PublishJobRecord): PublishJob => ({
    id: job.id,
    storyId: job.storyId,
    targetId: job.targetId,
    action: job.action,
    state: job.state,
    scheduledFor: job.scheduledFor === null ? null : iso(job.scheduledFor),
    attempts: job.attempts,
    nextAttemptAt: iso(job.nextAttemptAt),
    lastError: job.lastError,
    errorKind: job.errorKind,
    progress: job.progress,
    resultUrl: job.resultUrl,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
  });

  const toPublication = (record: PublicationRecord, story: Story | null): Publication => ({
    storyId: record.storyId,
    targetId: record.targetId,
    state: record.state,
    remoteId: record.remoteId,
    remoteUrl: record.remoteUrl,
    remoteModified: record.remoteModified,
    publishedVersion: record.publishedVersion,
    publishedAt: iso(record.publishedAt),
    scheduledFor: record.scheduledFor === null ? null : iso(record.scheduledFor),
    // Tags are set without a new story version (an open editor keeps saving), so they are compared as published.
    changedSince:
      story !== null &&
      record.state !== 'unpublished' &&
      (story.version > record.publishedVersion ||
        JSON.stringify(record.snapshot.tags ?? []) !== JSON.stringify(facts.tagsOf(story.id))),
  });

  const save = (job: PublishJobRecord): PublishJob => {
    job.updatedAt = now().getTime();
    jobs.update(job);
    const shaped = toJob(job);
    events.emit('publish:progress', shaped);
    return shaped;
  };

  const mustGetJob = (id: string): PublishJobRecord => {
    const job = jobs.get(id);
    if (!job) throw new AppError('not-found', `No publish job with id ${id}`);
    return job;
  };

  const markPublished = deps.markPublished ?? ((id: string) => facts.setPublished(id, true));

  /** Moves the story to published; the status change is not an edit, so a version published stays published. */
  const markLive = (storyId: string, site: string, publishedVersion: number): number => {
    const before = deps.getStory(storyId).version;
    markPublished(storyId, site);
    return before === publishedVersion ? deps.getStory(storyId).version : publishedVersion;
  };

  /** A scheduled publication whose time has come is live: it reads as published and its story moves to published. */
  const promoteDue = () => {
    for (const record of publications.dueScheduled(now().getTime())) {
      let { publishedVersion } = record;
      try {
        publishedVersion = markLive(record.storyId, targets.get(record.targetId).name, publishedVersion);
      } catch {
        // A story trashed meanwhile keeps its status; the post is live all the same.
      }
      const publishedAt = record.scheduledFor ?? record.publishedAt;
      publications.save({ ...record, state: 'published', publishedVersion, publishedAt });
    }
  };

  const isLiveOn = (storyId: string, targetId: string) =>
    publications.get(storyId, targetId)?.state === 'published';

  /** A linked story's headline as readers of a target see it: as published there, else as it stands. */
  const headlineOn = (targetId: string) => (storyId: string) => {
    const published = publications.get(storyId, targetId);
    if (published?.state === 'published') return published.snapshot.headline;
    try {
      return deps.getStory(storyId).headline;
    } catch {
      return null;
    }
  };

  const snapshotOf = (story: Story, targetId: string): PublishedSnapshot => ({
    ...storyFieldsOf(story),
    body: withAlsoReadHeadlines(story.body, headlineOn(targetId)),
    wordCount: story.wordCount,
    tags: facts.tagsOf(story.id),
  });

  const adapterFor = (target: TargetRecord): TargetAdapter => {
    if (target.kind === 'static') {
      const site = targets.staticSite(target);
      const sections = deps.sections();
      return staticTarget({
        ...site,
        title: deps.siteTitle ?? 'Copydesk News',
        mediaDir: deps.mediaDir,
        now,
        sections: () => sections,
        published: () =>
          publications.publishedOn(target.id).map((record) => ({
            storyId: record.storyId,
            key: record.remoteId ?? record.storyId.toLowerCase(),
            snapshot: record.snapshot,
            publishedAt: record.publishedAt,
          })),
      });
    }
    if (target.kind === 'wordpress')
      return wordpressTarget({
        targetId: target.id,
        client: targets.clientFor(target),
        cache: deps.targetCache,
      });
    throw new PublishError('invalid', `Publishing to ${target.kind} is not available yet.`);
  };

  const mediaAsset = (src: string): MediaAsset => {
    const file = basename(src);
    const [hash = '', ext = ''] = file.split('.');
    return {
      src,
      hash,
      ext,
      mimeType: MIME_OF[ext] ?? 'application/octet-stream',
      read: () => readFile(join(deps.mediaDir, file)),
    };
  };

  const storyUrlOn = (targetId: string) => (storyId: string) => {
    const record = publications.get(storyId, targetId);
    return record?.state === 'published' ? record.remoteUrl : null;
  };

  const send = async (job: PublishJobRecord, progress: (p: PublishJobRecord['progress']) => void) => {
    promoteDue();
    const target = targets.get(job.targetId);
    const story = deps.getStory(job.storyId);
    const previous = publications.get(story.id, target.id);
    const adapter = adapterFor(target);
    if (job.action === 'unpublish') {
      if (!previous || previous.state === 'unpublished') return null;
      progress({ step: 'send' });
      const { remoteModified } = await adapter.unpublish({ storyId: story.id, previous });
      publications.save({
        ...previous,
        state: 'unpublished',
        remoteModified: remoteModified ?? previous.remoteModified,
      });
      if (!publications.ofStory(story.id).some((other) => other.state === 'published'))
        (deps.markUnpublished ?? ((id: string) => facts.setPublished(id, false)))(story.id, target.name);
      return previous.remoteUrl;
    }
    const snapshot = snapshotOf(story, target.id);
    // An update of a story scheduled for later keeps its time: it must not go live early.
    const keptSchedule =
      previous?.state === 'scheduled' && (previous.scheduledFor ?? 0) > now().getTime()
        ? previous.scheduledFor
        : null;
    const scheduledAt = job.action === 'schedule' ? job.scheduledFor : keptSchedule;
    const scheduledFor = scheduledAt === null ? null : new Date(scheduledAt);
    const resolveStoryUrl = storyUrlOn(target.id);
    const result = await adapter.publish({
      storyId: story.id,
      snapshot,
      sectionName: deps.sections().find((section) => section.id === story.sectionId)?.name ?? null,
      previous,
      retried: job.attempts > 1,
      overwrite: job.overwrite,
      scheduledFor,
      media: mediaSources(story.body, story.featuredImage).map(mediaAsset),
      renderHtml: (mediaUrl) =>
        storyToHtml(snapshot.body, { forPublishing: true, resolveStoryUrl, resolveMediaUrl: mediaUrl }),
      progress,
    });
    // Edits saved while the job ran are not published.
    const publishedVersion = scheduledFor ? story.version : markLive(story.id, target.name, story.version);
    publications.save({
      storyId: story.id,
      targetId: target.id,
      state: scheduledFor ? 'scheduled' : 'published',
      remoteId: result.remoteId,
      remoteUrl: result.remoteUrl,
      remoteModified: result.remoteModified,
      publishedVersion,
      publishedAt: previous?.state === 'published' ? previous.publishedAt : now().getTime(),
      scheduledFor: scheduledFor?.getTime() ?? null,
      snapshot,
    });
    return result.remoteUrl;
  };

  const preflight = ({
    storyId,
    targetId,
  }: {
    storyId: string;
    targetId?: string | undefined;
  }): Preflight => {
    promoteDue();
    const story = deps.getStory(storyId);
    const chosen = targets.chosenFor(storyId);
    const target = targets.get(targetId ?? chosen ?? targets.defaultId(deps.settings().defaultTargetId));
    const unpublishedLinks = linkedStoryIds(story.body)
      .filter(({ storyId: linked }) => linked !== story.id && !isLiveOn(linked, target.id))
      .map(({ storyId: linked, headline }) => {
        try {
          return deps.getStory(linked).headline || headline;
        } catch {
          return headline;
        }
      });
    const publication = publications.get(story.id, target.id);
    const pending = jobs.open(story.id, target.id);
    return {
      target: targets.toTarget(target),
      chosenForStory: chosen === target.id,
      items: preflightItems({
        headline: story.headline,
        wordCount: story.wordCount,
        sectionId: story.sectionId,
        status: story.status,
        requireApproval: deps.settings().requireApproval,
        publisherRole: deps.publisherRole?.() ?? null,
        changedSinceApproval: deps.changedSinceApproval?.(story.id) ?? false,
        unpublishedLinks,
        unresolvedComments: facts.unresolvedComments(story.id),
        featuredImage: story.featuredImage,
        embargoUntil: story.embargoUntil ? new Date(story.embargoUntil) : null,
        now: now(),
      }),
      publication: publication ? toPublication(publication, story) : null,
      pendingJob: pending ? toJob(pending) : null,
    };
  };

  return {
    preflight,

    /** Sets the site a story publishes to (null: the newsroom's default) and checks the story against it. */
    chooseTarget(storyId: string, targetId: string | null): Preflight {
      deps.getStory(storyId);
      targets.choose(storyId, targetId);
      return preflight({ storyId });
    },

    /** Writes the job row (nothing is sent yet) after the pre-flight check passes. */
    start(input: PublishStartInput & { action: 'publish' | 'schedule' | 'unpublish' }): PublishJob {
      const check = preflight(input);
      const target = check.target;
      if (input.action !== 'unpublish') {
        const blockers = check.items.filter((item) => item.level === 'blocker');
        if (blockers.length > 0)
          throw new AppError('conflict', blockers.map((item) => item.message).join(' '), {
            blockers: blockers.map((b) => b.code),
          });
      } else if (deps.publisherRole?.() === 'reporter') {
        throw new AppError('forbidden', 'Only an editor can unpublish.');
      } else if (!check.publication || check.publication.state === 'unpublished') {
        throw new AppError('conflict', 'The story is not published on this site.');
      }
      if (input.action === 'schedule') {
        if (target.kind === 'static')
          throw new AppError('invalid-input', 'The static site cannot schedule stories.');
        if (Date.parse(input.at!) <= now().getTime())
          throw new AppError('invalid-input', 'Choose a time in the future.');
      }
      const pending = check.pendingJob?.state === 'failed' ? null : check.pendingJob;
      if (pending && pending.state !== 'paused')
        throw new AppError('conflict', 'This story is already being sent to this site.', {
          jobId: pending.id,
        });
      if (pending) {
        const stale = mustGetJob(pending.id);
        save({ ...stale, state: 'failed', lastError: stale.lastError ?? 'Replaced by a newer job' });
      }
      const at = now().getTime();
      const job: PublishJobRecord = {
        id: newId(at),
        storyId: input.storyId,
        targetId: target.id,
        action:
          input.action === 'unpublish'
            ? 'unpublish'
            : input.action === 'schedule'
              ? 'schedule'
              : check.publication
                ? 'update'
                : 'publish',
        state: 'queued',
        scheduledFor: input.action === 'schedule' ? Date.parse(input.at!) : null,
        overwrite: false,
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        errorKind: null,
        progress: { step: 'queued' },
        resultUrl: null,
        createdAt: at,
        updatedAt: at,
      };
      jobs.insert(job);
      events.emit('publish:progress', toJob(job));
      deps.onQueued?.();
      return toJob(job);
    },

    status(storyId: string): { publications: Publication[]; jobs: PublishJob[] } {
      promoteDue();
      const story = deps.getStory(storyId);
      return {
        publications: publications.ofStory(storyId).map((record) => toPublication(record, story)),
        jobs: jobs.recent(storyId).map(toJob),
      };
    },

    overwrite(id: string): PublishJob {
      const job = mustGetJob(id);
      if (job.state !== 'paused' || job.errorKind !== 'conflict')
        throw new AppError('conflict', 'Only a job stopped by an edit on the site can overwrite it.');
      const queued = save({
        ...job,
        state: 'queued',
        overwrite: true,
        nextAttemptAt: now().getTime(),
        lastError: null,
        errorKind: null,
      });
      deps.onQueued?.();
      return queued;
    },

    retry(id: string): PublishJob {
      const job = mustGetJob(id);
      if (job.state !== 'failed' && job.state !== 'paused' && job.state !== 'waiting')
        throw new AppError(
          'conflict',
          `The job is ${job.state}; only a stopped or waiting job can be retried.`,
        );
      const queued = save({
        ...job,
        state: 'queued',
        nextAttemptAt: now().getTime(),
        lastError: null,
        errorKind: null,
      });
      deps.onQueued?.();
      return queued;
    },

    /** Sends one job: marks it running (and counts the attempt) before any network call, then records the outcome. */
    async runJob(claimed: PublishJobRecord): Promise<void> {
      const job: PublishJobRecord = {
        ...claimed,
        state: 'running',
        attempts: claimed.attempts + 1,
        progress: { step: 'render' },
      };
      save(job);
      try {
        const url = await send(job, (progress) => save(Object.assign(job, { progress })));
        save(
          Object.assign(job, {
            state: 'done',
            progress: { step: 'done' },
            resultUrl: url,
            lastError: null,
            errorKind: null,
          }),
        );
      } catch (error) {
        const failure =
          error instanceof PublishError
            ? error
            : error instanceof AppError && error.code === 'not-found'
              ? new PublishError('invalid', error.message)
              : new PublishError('invalid', `Publishing failed: ${(error as Error).message}`);
        const state = failure.retryable
          ? 'waiting'
          : failure.kind === 'invalid' || failure.kind === 'rejected'
            ? 'failed'
            : 'paused';
        save(
          Object.assign(job, {
            state,
            lastError: failure.message,
            errorKind: failure.kind,
            nextAttemptAt: failure.retryable ? now().getTime() + retryDelay(job.attempts) : job.nextAttemptAt,
          }),
        );
      }
    },

    requeueInterrupted: () => jobs.requeueInterrupted(now().getTime()),
  };
}

export type PublishService = ReturnType<typeof createPublishService>;
