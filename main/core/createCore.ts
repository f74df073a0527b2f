import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { openDatabase } from '../db/openDatabase';
import { storyQueries } from '../db/queries/storyQueries';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { createStoryService } from '../services/stories/storyService';
import { storyHandlers } from '../services/stories/storyHandlers';
import { revisionHandlers } from '../services/revisions/revisionHandlers';
import { mediaQueries } from '../db/queries/mediaQueries';
import { createMediaService } from '../services/media/mediaService';
import { mediaDirOf } from '../services/media/mediaFiles';
import { CoreEvents } from './coreEvents';
import { settingsQueries } from '../db/queries/settingsQueries';
import { createSettingsService, settingsHandlers } from '../services/settings/settingsService';
import { sectionQueries } from '../db/queries/sectionQueries';
import { revisionQueries } from '../db/queries/revisionQueries';
import { createRevisionRecorder, createRevisionService } from '../services/revisions/revisionService';

export interface CoreOptions {
  /** Folder holding `copydesk.db`, backups and media. Created if missing. */
  dataDir: string;
  appVersion: string;
  host: AppInfo['host'];
  /** Injected so tests can control time. */
  now?: () => Date;
  log?: (error: unknown) => void;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: CoreEvents;
  info: AppInfo;
  close(): void;
}

export const DATABASE_FILE = 'copydesk.db';

/** Opens the store in `dataDir` and wires every service behind the contract. Electron-free. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const { db, migration } = openDatabase(databaseFile, { now });
  const events = new CoreEvents();
  const sections = sectionQueries(db);
  const settings = createSettingsService(settingsQueries(db));
  const revisionStore = revisionQueries(db);
  const stories = createStoryService({
    queries: storyQueries(db),
    revisions: createRevisionRecorder({ queries: revisionStore, now }),
    now,
    events,
    author: () => '',
  });
  const revisions = createRevisionService({ queries: revisionStore, stories });
  const media = createMediaService({ queries: mediaQueries(db), mediaDir: mediaDirOf(options.dataDir), now });

  const info: AppInfo = {
    name: 'Copydesk',
    version: options.appVersion,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: migration.to,
    host: options.host,
  };

  const handlers: Handlers = {
    'app:info': () => info,
    ...storyHandlers(stories),
    'sections:list': () => sections.list(),
    'media:import': (input) => media.importImage(input),
    ...revisionHandlers(revisions),
    ...settingsHandlers(settings),
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, options.log),
    events,
    info,
    close: () => db.close(),
  };
}
