import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { openDatabase } from '../db/openDatabase';
import { storyQueries } from '../db/queries/storyQueries';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { createStoryService } from '../services/stories/storyService';
import { linkQueries } from '../db/queries/linkQueries';
import { createLinkService } from '../services/links/linkService';
import { linkHandlers } from '../services/links/linkHandlers';
import { storyHandlers } from '../services/stories/storyHandlers';
import { revisionHandlers } from '../services/revisions/revisionHandlers';
import { mediaQueries } from '../db/queries/mediaQueries';
import { createMediaService } from '../services/media/mediaService';
import { mediaDirOf } from '../services/media/mediaFiles';
import { CoreEvents } from './coreEvents';
import { settingsQueries } from '../db/queries/settingsQueries';
import { createSettingsService, settingsHandlers } from '../services/settings/settingsService';
import { sectionQueries } from '../db/queries/sectionQueries';
import { searchQueries } from '../db/queries/searchQueries';
import { tagQueries } from '../db/queries/tagQueries';
import { createLibraryService } from '../services/library/libraryService';
import { libraryHandlers } from '../services/library/libraryHandlers';
import { createTagService } from '../services/tags/tagService';
import { tagHandlers } from '../services/tags/tagHandlers';
import { createSectionService } from '../services/sections/sectionService';
import { sectionHandlers } from '../services/sections/sectionHandlers';
import { revisionQueries } from '../db/queries/revisionQueries';
import { createRevisionRecorder, createRevisionService } from '../services/revisions/revisionService';
import { peopleQueries } from '../db/queries/peopleQueries';
import { commentQueries } from '../db/queries/commentQueries';
import { activityQueries } from '../db/queries/activityQueries';
import { createPeopleService } from '../services/people/peopleService';
import { peopleHandlers } from '../services/people/peopleHandlers';
import { editorCheck } from '../services/people/requireEditor';
import { createActivityService } from '../services/activity/activityService';
import { activityHandlers } from '../services/activity/activityHandlers';
import { createCommentService } from '../services/comments/commentService';
import { commentHandlers } from '../services/comments/commentHandlers';
import { createWorkflowService } from '../services/workflow/workflowService';
import { workflowHandlers } from '../services/workflow/workflowHandlers';
import { createPublishing, type Publishing, type PublishingPorts } from '../publish/createPublishing';

export interface CoreOptions {
  /** Folder holding `copydesk.db`, backups and media. Created if missing. */
  dataDir: string;
  appVersion: string;
  host: AppInfo['host'];
  /** Injected so tests can control time. */
  now?: () => Date;
  log?: (error: unknown) => void;
  /** Publishing's host-specific parts: secret storage, opening the static site, the outbox worker. */
  publishing?: PublishingPorts;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: CoreEvents;
  info: AppInfo;
  /** The outbox (`runDue()` sends due jobs) and the static site's folder. */
  publishing: Pick<Publishing, 'runDue' | 'siteFolder'>;
  close(): void;
}

export const DATABASE_FILE = 'copydesk.db';

/** Opens the store in `dataDir` and wires every service behind the contract. Electron-free. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const { db, migration } = openDatabase(databaseFile, { now });
  const events = new CoreEvents();
  const sections = createSectionService({ queries: sectionQueries(db), now });
  const settings = createSettingsService(settingsQueries(db));
  const revisionStore = revisionQueries(db);
  const people = createPeopleService({ queries: peopleQueries(db), now, events });
  const personName = () => people.current()?.name ?? '';
  const activityStore = activityQueries(db);
  const activity = createActivityService({ queries: activityStore, now, actor: personName });
  const comments = createCommentService({
    queries: commentQueries(db),
    people,
    activity,
    storyExists: (id) => void stories.get(id),
    now,
    events,
  });
  const links = createLinkService({ queries: linkQueries(db), now });
  const tagStore = tagQueries(db);
  const stories = createStoryService({
    afterWrite: [links.afterWrite, activity.afterWrite, comments.afterWrite],
    queries: storyQueries(db),
    revisions: createRevisionRecorder({ queries: revisionStore, now, tagsOf: tagStore.ofStory }),
    now,
    events,
    author: personName,
  });
  const revisions = createRevisionService({ queries: revisionStore, stories });
  const workflow = createWorkflowService({
    stories,
    people,
    activity,
    activityQueries: activityStore,
    revisionQueries: revisionStore,
    settings,
    revision: revisions.get,
    now,
  });
  const media = createMediaService({ queries: mediaQueries(db), mediaDir: mediaDirOf(options.dataDir), now });
  const publishing = createPublishing({
    db,
    dataDir: options.dataDir,
    mediaDir: mediaDirOf(options.dataDir),
    events,
    now,
    getStory: (id) => stories.get(id),
    settings: () => settings.get(),
    sections: () => sections.list(),
    ports: options.publishing,
    markPublished: (id, site) => void workflow.markPublished(id, site),
    markUnpublished: (id, site) => void workflow.markUnpublished(id, site),
    publisherRole: () => people.current()?.role ?? null,
    changedSinceApproval: (id) => workflow.approval(id).changedSinceApproval,
    log: options.log,
  });

  const info: AppInfo = {
    name: 'Copydesk',
    version: options.appVersion,
    dataDir: options.dataDir,
    databaseFile,
    schemaVersion: migration.to,
    host: options.host,
  };

  const requireEditor = editorCheck(() => people.current());
  const handlers: Handlers = {
    'app:info': () => info,
    ...storyHandlers(stories),
    ...sectionHandlers(sections, requireEditor),
    ...libraryHandlers(createLibraryService({ queries: searchQueries(db), sections: sections.list })),
    ...tagHandlers(createTagService({ queries: tagStore, getStory: stories.get, now, events })),
    'media:import': (input) => media.importImage(input),
    ...revisionHandlers(revisions),
    ...settingsHandlers(settings, requireEditor),
    ...peopleHandlers(people),
    ...workflowHandlers(workflow),
    ...commentHandlers(comments),
    ...activityHandlers(activity),
    ...linkHandlers(links),
    ...publishing.handlers,
    'targets:save': (input) => {
      requireEditor('the publish targets');
      return publishing.handlers['targets:save'](input);
    },
    'targets:remove': (input) => {
      requireEditor('the publish targets');
      return publishing.handlers['targets:remove'](input);
    },
  };

  return {
    handlers,
    dispatch: createDispatch(handlers, options.log),
    events,
    info,
    publishing,
    close: () => {
      void publishing.stop();
      db.close();
    },
  };
}
