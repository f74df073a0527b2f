import type { PublicationQueries } from '../db/queries/publicationQueries';
import type { VersionMove } from '../services/stories/storyService';

export interface PublicationStatusDeps {
  publications: PublicationQueries;
  targetName(targetId: string): string;
  /**
   * Marks a story published (the workflow's move, with its activity and revision); answers its version
   * before and after.
   */
  markPublished(storyId: string, site: string): VersionMove;
  /** Marks a story no longer published anywhere. */
  markUnpublished(storyId: string, site: string): void;
}

/** The story's status as its publications make it: live when one goes live, approved again when none is left. */
export function createPublicationStatus(deps: PublicationStatusDeps) {
  const { publications } = deps;

  /** Moves the story to published and returns the version now live: the status change is not an edit. */
  const markLive = (storyId: string, site: string, publishedVersion: number): number => {
    const { from, to } = deps.markPublished(storyId, site);
    return from === publishedVersion ? to : publishedVersion;
  };

  return {
    markLive,

    /** After an unpublish: the story leaves `published` once no site has it live. */
    markOffIfNowhere(storyId: string, site: string): void {
      if (!publications.ofStory(storyId).some((other) => other.state === 'published'))
        deps.markUnpublished(storyId, site);
    },

    /** Scheduled publications whose time has come go live, and their stories move to published. */
    promoteDue(now: number): number {
      const due = publications.dueScheduled(now);
      for (const record of due) {
        let { publishedVersion } = record;
        try {
          publishedVersion = markLive(record.storyId, deps.targetName(record.targetId), publishedVersion);
        } catch {
          // A story trashed meanwhile keeps its status; the post is live all the same.
        }
        const publishedAt = record.scheduledFor ?? record.publishedAt;
        publications.save({ ...record, state: 'published', publishedVersion, publishedAt });
      }
      return due.length;
    },

    /** When the next scheduled publication goes live, or null if none is waiting. */
    nextScheduledAt: (): number | null => publications.nextScheduledAt(),
  };
}

export type PublicationStatus = ReturnType<typeof createPublicationStatus>;
