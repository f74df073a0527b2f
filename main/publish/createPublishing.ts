import type Database from 'better-sqlite3';
import type { Section } from '../../shared/domain/section';
import type { Settings } from '../../shared/domain/settings';
import type { Story } from '../../shared/domain/story';
import type { CoreEvents } from '../core/coreEvents';
import { publicationQueries } from '../db/queries/publicationQueries';
import { publishJobQueries } from '../db/queries/publishJobQueries';
import { targetQueries } from '../db/queries/targetQueries';
import { publishHandlers, targetHandlers } from './publishHandlers';
import { createPublishService } from './publishService';
import { createPublishWorker } from './publishWorker';
import { fileSecretBox } from './secrets/fileSecretBox';
import type { SecretBox } from './secrets/secretBox';
import { storyFacts } from './storyFacts';
import { createTargetService } from './targetService';
import type { FetchLike } from './targets/wordpress/wordpressClient';

/** What a host may plug into publishing. */
export interface PublishingPorts {
  /** Where WordPress passwords are sealed; default: a 0600 key file in the data directory. */
  secrets?: SecretBox;
  /** Opens the static site's folder (Electron: shell.openPath); without it the host serves `/site/`. */
  openSite?: (folder: string) => Promise<void>;
  /** false leaves the outbox worker stopped, for tests that drive it with `runDue()`. */
  startWorker?: boolean;
  fetch?: FetchLike;
}

/** Publishing wired onto the core's database: targets, outbox, worker and their handlers. */
export function createPublishing(options: {
  db: Database.Database;
  dataDir: string;
  mediaDir: string;
  events: CoreEvents;
  now: () => Date;
  getStory(id: string): Story;
  settings(): Settings;
  sections(): Section[];
  ports?: PublishingPorts | undefined;
  markPublished?: (storyId: string, site: string) => void;
  markUnpublished?: (storyId: string, site: string) => void;
  publisherRole?: () => 'reporter' | 'editor' | null;
  changedSinceApproval?: (storyId: string) => boolean;
  log?: ((error: unknown) => void) | undefined;
}) {
  const { db, now, ports = {} } = options;
  const cache = targetQueries(db);
  const targets = createTargetService({
    queries: cache,
    secrets: ports.secrets ?? fileSecretBox(options.dataDir),
    dataDir: options.dataDir,
    now,
    fetch: ports.fetch,
  });
  const jobs = publishJobQueries(db);
  let kick = () => undefined as void;
  const service = createPublishService({
    targets,
    targetCache: cache,
    publications: publicationQueries(db),
    jobs,
    facts: storyFacts(db),
    getStory: options.getStory,
    settings: options.settings,
    sections: options.sections,
    mediaDir: options.mediaDir,
    events: options.events,
    now,
    onQueued: () => kick(),
    ...(options.markPublished ? { markPublished: options.markPublished } : {}),
    ...(options.markUnpublished ? { markUnpublished: options.markUnpublished } : {}),
    ...(options.publisherRole ? { publisherRole: options.publisherRole } : {}),
    ...(options.changedSinceApproval ? { changedSinceApproval: options.changedSinceApproval } : {}),
  });
  service.requeueInterrupted();
  const worker = createPublishWorker({
    jobs,
    run: (job) => service.runJob(job),
    now,
    ...(options.log ? { log: options.log } : {}),
  });
  kick = () => worker.kick();
  if (ports.startWorker !== false) worker.start();
  return {
    handlers: { ...targetHandlers(targets, ports.openSite), ...publishHandlers(service) },
    /** Sends every job due now (tests drive the outbox with it). */
    runDue: () => worker.runDue(),
    /** The static site's folder, for hosts that serve it. */
    siteFolder: (): string => targets.folderOf(targets.get('static')),
    stop: () => worker.stop(),
  };
}

export type Publishing = ReturnType<typeof createPublishing>;
