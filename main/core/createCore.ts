import type Database from 'better-sqlite3';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import { openDatabase } from '../db/openDatabase';
import { storyQueries } from '../db/queries/storyQueries';
import { createDispatch, type Dispatch, type Handlers } from '../ipc/dispatch';
import { storyReferences } from '../services/stories/storyInput';
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
import { searchIndexQueries } from '../db/queries/searchIndexQueries';
import { createSaveFollowUp } from '../services/stories/saveFollowUp';
import { publicationQueries } from '../db/queries/publicationQueries';
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
import { createBackupSchedule } from '../db/backupSchedule';
import { createPublishing, type Publishing, type PublishingPorts } from '../publish/createPublishing';
import { fileSecretBox } from '../publish/secrets/fileSecretBox';
import { createDeskSync, type DeskSync } from '../services/desk/deskSync';
import { deskHandlers } from '../services/desk/deskHandlers';
import { createPublishApproved } from '../services/desk/publishApproved';
import { createDeskComments } from '../services/desk/deskComments';
import { createDeskTags } from '../services/desk/deskTags';
import { createDeskPeopleProjection } from '../services/desk/deskPeopleProjection';
import { createDeskMoves } from '../services/desk/deskMoves';
import { deskDocHandlers } from '../services/desk/deskDocHandlers';
import { createStoryDocRelay } from '../services/desk/storyDocRelay';
import { rowsBeforeCalls } from '../services/desk/rowsBeforeCalls';

export interface CoreOptions {
  /** Folder holding `copydesk.db`, backups and media. Created if missing. */
  dataDir: string;
  appVersion: string;
  host: AppInfo['host'];
  /** Injected so tests can control time. */
  now?: () => Date;
  log?: (error: unknown) => void;
  /** How often the database is backed up (default 30 min); 0 turns the schedule off. */
  backupIntervalMs?: number;
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
  /** The newsroom desk, when this install joined one. */
  desk: DeskSync;
  /** The open store, for the command line: one transaction around a whole import, online backups. */
  database: Database.Database;
  close(): void;
}

export const DATABASE_FILE = 'copydesk.db';

/** A save's reindex and revision follow once saves pause this long (autosave sends one a second while typing)… */
const FOLLOW_UP_IDLE_MS = 1_500;
/** …or at the latest this long after the first save waiting. */
const FOLLOW_UP_MAX_WAIT_MS = 10_000;

/** Opens the store in `dataDir` and wires every service behind the contract. Electron-free. */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const { db, migration } = openDatabase(databaseFile, { now });
  const events = new CoreEvents();
  const sectionStore = sectionQueries(db);
  const sections = createSectionService({ queries: sectionStore, now });
  const mediaStore = mediaQueries(db);
  const settings = createSettingsService(settingsQueries(db));
  const revisionStore = revisionQueries(db);
  const peopleStore = peopleQueries(db);
  const people = createPeopleService({ queries: peopleStore, now, events });
  const personName = () => people.current()?.name ?? '';
  const activityStore = activityQueries(db);
  const activity = createActivityService({ queries: activityStore, now, actor: personName });
  const commentStore = commentQueries(db);
  const comments = createCommentService({
    queries: commentStore,
    people,
    activity,
    storyExists: (id) => void stories.get(id),
    now,
    events,
  });
  const links = createLinkService({ queries: linkQueries(db) });
  const tagStore = tagQueries(db);
  const storyStore = storyQueries(db);
  const revisionLog = createRevisionRecorder({
    queries: revisionStore,
    now,
    tagsOf: tagStore.ofStory,
    storyOf: storyStore.get,
  });
  const stories = createStoryService({
    afterWrite: [
      links.afterWrite,
      activity.afterWrite,
      comments.afterWrite,
      (story, change, facts) => desk.afterWrite(story, change, facts),
    ],
    queries: storyStore,
    revisions: revisionLog,
    now,
    events,
    author: personName,
    references: storyReferences(sectionStore, mediaStore),
  });
  const revisions = createRevisionService({
    queries: revisionStore,
    stories,
    carryOver: comments.keepAnchors,
    log: revisionLog,
  });
  const searchIndex = searchIndexQueries(db);
  const followUp = createSaveFollowUp({
    work: [searchIndex.bringCurrent, () => revisionLog.catchUp()],
    idleMs: FOLLOW_UP_IDLE_MS,
    maxWaitMs: FOLLOW_UP_MAX_WAIT_MS,
    log: options.log ?? (() => {}),
  });
  events.on('stories:changed', () => followUp.schedule());
  // What a crash left waiting is done soon after the start.
  followUp.schedule();
  const deskComments = createDeskComments({
    queries: commentStore,
    events,
    storyOf: (id) => {
      try {
        return stories.get(id);
      } catch {
        return null;
      }
    },
    log: options.log,
  });
  const tags = createTagService({
    queries: tagStore,
    getStory: stories.get,
    now,
    events,
    afterStoryTags: (id, names) => deskTags.afterStoryTags(id, names),
  });
  const deskTags = createDeskTags({
    docOf: (id) => desk.docOf(id),
    tagsOf: tagStore.ofStory,
    setTags: (id, names) => void tags.setStoryTags(id, names),
    log: options.log ?? (() => {}),
  });
  const desk = createDeskSync({
    db,
    stories,
    secrets: options.publishing?.secrets ?? fileSecretBox(options.dataDir),
    events,
    now,
    log: options.log,
    applyStatus: (id, status, state) => void workflow.recordFromDesk(id, status, state),
    onDoc: (id, doc) => {
      deskComments.onDoc(id, doc);
      deskTags.onDoc(id, doc);
    },
    onSeeded: (id, doc) => deskTags.onSeeded(id, doc),
    onProjected: (id) => {
      deskComments.onProjected(id);
      deskTags.onProjected(id);
    },
    onPolled: () => {
      void deskPeople.follow();
      void deskMoves.shareUnsent();
    },
  });
  const deskPeople = createDeskPeopleProjection({
    queries: peopleStore,
    events,
    status: () => desk.status(),
    people: () => desk.people(),
    now,
    log: options.log,
  });
  const deskDocs = createStoryDocRelay({ desk, events });
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
  const deskMoves = createDeskMoves({ db, desk, log: options.log });
  const media = createMediaService({ queries: mediaStore, mediaDir: mediaDirOf(options.dataDir), now });
  const publishing = createPublishing({
    db,
    dataDir: options.dataDir,
    mediaDir: mediaDirOf(options.dataDir),
    events,
    now,
    getStory: (id) => stories.get(id),
    storyHead: (id) => stories.head(id),
    // Publishing sends the approved revision (DESIGN §10), not edits made since.
    publishedStory: (id) => workflow.asPublished(id),
    tagsOf: (id) => tagStore.ofStory(id),
    unresolvedComments: (id) => commentStore.unresolvedCount(id),
    settings: () => settings.get(),
    sections: () => sections.list(),
    ports: options.publishing,
    markPublished: (id, site) => {
      const versions = workflow.markPublished(id, site);
      deskMoves.afterPublish(id);
      return versions;
    },
    markUnpublished: (id, site) => void workflow.markUnpublished(id, site),
    publisherRole: () => people.current()?.role ?? null,
    changedSinceApproval: (id) => workflow.approval(id).changedSinceApproval,
    log: options.log,
  });

  const backups = createBackupSchedule({
    db,
    dataDir: options.dataDir,
    now,
    intervalMs: options.backupIntervalMs,
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
  const handlers: Handlers = rowsBeforeCalls(
    {
      'app:info': () => info,
      ...storyHandlers(stories),
      'stories:create': async (input) => {
        const story = stories.create(input);
        await deskMoves.afterCreate(story.id);
        return story;
      },
      ...sectionHandlers(sections, requireEditor),
      ...libraryHandlers(
        createLibraryService({
          queries: searchQueries(db),
          index: searchIndex,
          tags: tagStore,
          publications: publicationQueries(db),
          sections: sections.list,
        }),
      ),
      ...tagHandlers(tags),
      'media:import': (input) => media.importImage(input),
      ...revisionHandlers(revisions),
      ...settingsHandlers(settings, requireEditor),
      ...peopleHandlers(people),
      'people:create': (input) => {
        deskPeople.refuseLocalPeople();
        return people.create(input);
      },
      'people:switch': ({ id }) => {
        deskPeople.refuseLocalPeople();
        return people.switchTo(id);
      },
      ...workflowHandlers(workflow),
      ...commentHandlers(comments),
      ...activityHandlers(activity),
      ...linkHandlers(links),
      ...publishing.handlers,
      ...deskHandlers(
        desk,
        deskMoves,
        deskPeople,
        createPublishApproved({
          stories,
          desk,
          workflow,
          tags: { of: tagStore.ofStory, set: (id, names) => void tags.setStoryTags(id, names) },
          revision: revisions.get,
          publish: (input) => publishing.handlers['publish:start'](input),
          log: options.log,
        }),
      ),
      ...deskDocHandlers(deskDocs),
      ...backups.handlers,
      'targets:save': (input) => {
        requireEditor('the publish targets');
        return publishing.handlers['targets:save'](input);
      },
      'targets:remove': (input) => {
        requireEditor('the publish targets');
        return publishing.handlers['targets:remove'](input);
      },
    },
    desk,
  );

  return {
    handlers,
    dispatch: createDispatch(handlers, options.log),
    events,
    info,
    publishing,
    desk,
    database: db,
    close: () => {
      followUp.runNow();
      deskDocs.close();
      desk.close();
      void publishing.stop();
      backups.stop();
      db.close();
    },
  };
}
