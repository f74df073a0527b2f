import type Database from 'better-sqlite3';
import type { Section } from '../../shared/domain/section';
import type { Settings } from '../../shared/domain/settings';
import type { Story } from '../../shared/domain/story';
import type { CoreEvents } from '../core/coreEvents';
import { publicationQueries } from '../db/queries/publicationQueries';
import { publishJobQueries } from '../db/queries/publishJobQueries';
import type { StoryHead } from '../db/queries/storyQueries';
import { targetQueries } from '../db/queries/targetQueries';
import { adapterFor } from './adapterRegistry';
import { createPublicationStatus } from './publicationStatus';
import { publishHandlers, targetHandlers } from './publishHandlers';
import { createPublishJobStore } from './publishJobStore';
import { createPublishOutbox } from './publishOutbox';
import { createPublishPreflight } from './publishPreflight';
import { createPublishRequests } from './publishRequests';
import { createPublishRunner } from './publishRunner';
import { createPublishWorker, type Timers } from './publishWorker';
import { fileSecretBox } from './secrets/fileSecretBox';
import type { SecretBox } from './secrets/secretBox';
import { createTargetService } from './targetService';
import type { FetchLike } from './targets/wordpress/wordpressClient';
import { withoutDiskWait } from '../db/withoutDiskWait';
import type { VersionMove } from '../services/stories/storyService';

/** What a host may plug into publishing. */
export interface PublishingPorts {
  /** Where WordPress passwords are sealed; default: a 0600 key file in the data directory. */
  secrets?: SecretBox;
  /** Opens the static site's folder (Electron: shell.openPath); without it the host serves `/site/`. */
  openSite?: (folder: string) => Promise<void>;
  /** false leaves the outbox worker stopped, for tests that drive it with `runDue()`. */
  startWorker?: boolean;
  /** The worker's timers; default: Node's. Tests pass a clock they move. */
  timers?: Timers;
  fetch?: FetchLike;
}

/** Publishing wired onto the core's database: targets, pre-flight, outbox, runner, worker and their handlers. */
export function createPublishing(options: {
  db: Database.Database;
  dataDir: string;
  mediaDir: string;
  events: CoreEvents;
  now: () => Date;
  getStory(id: string): Story;
  /** The story without its body. */
  storyHead(id: string): StoryHead;
  /** The story as a job sends it (its approved revision); `getStory` when absent. */
  publishedStory?(id: string): Story;
  /** The story's tag names in its order. */
  tagsOf(storyId: string): string[];
  unresolvedComments(storyId: string): number;
  settings(): Settings;
  sections(): Section[];
  ports?: PublishingPorts | undefined;
  /** Marks a story published (the workflow's move, with its activity and revision): its version before and after. */
  markPublished(storyId: string, site: string): VersionMove;
  /** Marks a story no longer published anywhere. */
  markUnpublished(storyId: string, site: string): void;
  /** The role of the current person, if people are set up (only editors publish). */
  publisherRole(): 'reporter' | 'editor' | null;
  /** Whether an approved story was edited after its approval (then it needs approving again). */
  changedSinceApproval(storyId: string): boolean;
  log?: ((error: unknown) => void) | undefined;
}) {
  const { db, now, getStory, tagsOf, ports = {} } = options;
  const cache = targetQueries(db);
  const targets = createTargetService({
    queries: cache,
    secrets: ports.secrets ?? fileSecretBox(options.dataDir),
    dataDir: options.dataDir,
    now,
    fetch: ports.fetch,
  });
  const publications = publicationQueries(db);
  const jobs = publishJobQueries(db);
  const store = createPublishJobStore({ jobs, events: options.events, now });
  const status = createPublicationStatus({
    publications,
    targetName: (id) => targets.get(id).name,
    markPublished: options.markPublished,
    markUnpublished: options.markUnpublished,
  });
  const preflight = createPublishPreflight({
    targets,
    publications,
    jobs,
    getStory,
    storyHead: options.storyHead,
    tagsOf,
    unresolvedComments: options.unresolvedComments,
    settings: options.settings,
    publisherRole: options.publisherRole,
    changedSinceApproval: options.changedSinceApproval,
    now,
  });
  const runner = createPublishRunner({
    store,
    publications,
    status,
    requests: createPublishRequests({
      publications,
      getStory,
      tagsOf,
      sections: options.sections,
      mediaDir: options.mediaDir,
      now,
    }),
    getStory: options.publishedStory ?? getStory,
    getTarget: targets.get,
    recordSent: (fn) => withoutDiskWait(db, fn),
    adapterOf: (target) =>
      adapterFor({
        target,
        secret: () => targets.secretOf(target),
        fetch: ports.fetch,
        cache,
        publications,
        folderOf: targets.folderOf,
        sections: options.sections,
        mediaDir: options.mediaDir,
        now,
      }),
    now,
  });
  const worker = createPublishWorker({
    jobs,
    run: (job) => runner.runJob(job),
    promoteDue: status.promoteDue,
    nextScheduledAt: status.nextScheduledAt,
    now,
    ...(ports.timers ? { timers: ports.timers } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const outbox = createPublishOutbox({
    store,
    preflight,
    publisherRole: options.publisherRole,
    now,
    onQueued: () => worker.kick(),
  });
  outbox.requeueInterrupted();
  if (ports.startWorker !== false) worker.start();
  return {
    handlers: { ...targetHandlers(targets, ports.openSite), ...publishHandlers(preflight, outbox) },
    /** Makes due scheduled stories live and sends every job due now (tests drive the outbox with it). */
    runDue: () => worker.runDue(),
    /** The static site's folder, for hosts that serve it. */
    siteFolder: (): string => targets.folderOf(targets.get('static')),
    stop: () => worker.stop(),
  };
}

export type Publishing = ReturnType<typeof createPublishing>;
