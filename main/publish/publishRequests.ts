import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Section } from '../../shared/domain/section';
import { storyFieldsOf, type Story } from '../../shared/domain/story';
import { storyToHtml } from '../../shared/editor';
import type {
  PublicationQueries,
  PublicationRecord,
  PublishedSnapshot,
} from '../db/queries/publicationQueries';
import type { PublishJobRecord } from '../db/queries/publishJobQueries';
import { mediaSources, withAlsoReadHeadlines } from './storyFacts';
import type { MediaAsset, PublishRequest } from './targetAdapter';

export interface PublishRequestDeps {
  publications: PublicationQueries;
  getStory(id: string): Story;
  tagsOf(storyId: string): string[];
  sections(): Section[];
  mediaDir: string;
  now: () => Date;
}

const MIME_OF: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** What a target is sent for one job: the story as it will read on that site, its images and its HTML. */
export function createPublishRequests(deps: PublishRequestDeps) {
  const { publications, now } = deps;

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

  const storyUrlOn = (targetId: string) => (storyId: string) => {
    const record = publications.get(storyId, targetId);
    return record?.state === 'published' ? record.remoteUrl : null;
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

  return {
    /** The request for a publish, update or schedule job; `scheduledFor` null means live now. */
    build(
      job: PublishJobRecord,
      story: Story,
      previous: PublicationRecord | null,
      progress: PublishRequest['progress'],
    ): PublishRequest {
      // Parsed once: the images are read from this document and the HTML rendered from it.
      const { doc, body } = withAlsoReadHeadlines(story.body, headlineOn(job.targetId));
      const snapshot: PublishedSnapshot = {
        ...storyFieldsOf(story),
        body,
        wordCount: story.wordCount,
        tags: deps.tagsOf(story.id),
      };
      // An update of a story scheduled for later keeps its time: it must not go live early.
      const keptSchedule =
        previous?.state === 'scheduled' && (previous.scheduledFor ?? 0) > now().getTime()
          ? previous.scheduledFor
          : null;
      const scheduledAt = job.action === 'schedule' ? job.scheduledFor : keptSchedule;
      const resolveStoryUrl = storyUrlOn(job.targetId);
      return {
        storyId: story.id,
        snapshot,
        sectionName: deps.sections().find((section) => section.id === story.sectionId)?.name ?? null,
        previous,
        retried: job.attempts > 1,
        overwrite: job.overwrite,
        scheduledFor: scheduledAt === null ? null : new Date(scheduledAt),
        media: mediaSources(doc, story.featuredImage).map(mediaAsset),
        renderHtml: (mediaUrl) =>
          storyToHtml(doc, { forPublishing: true, resolveStoryUrl, resolveMediaUrl: mediaUrl }),
        progress,
      };
    },
  };
}

export type PublishRequests = ReturnType<typeof createPublishRequests>;
