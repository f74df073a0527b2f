import { publicationDates } from '../../publicationDates';
import { PublishError } from '../../publishError';
import type { PublishResult, TargetAdapter } from '../../targetAdapter';
import { renderSite, type SiteModel, type SiteStory } from './renderSite';
import { writeSite } from './writeSite';

export interface StaticSiteOptions {
  folder: string;
  /** The site's public address ending in `/`, or '' when it has none. */
  publicUrl: string;
  /** Absolute root for the feed and sitemap. */
  baseUrl: string;
  title: string;
  mediaDir: string;
  now(): Date;
  sections(): SiteModel['sections'];
  /** The stories live on the site now, newest first. */
  published(): SiteStory[];
}

/** The built-in static site: every publish rewrites the whole folder from what is published. */
export function staticTarget(options: StaticSiteOptions): TargetAdapter {
  const build = async (stories: SiteStory[]) => {
    const { files, media } = renderSite({
      title: options.title,
      baseUrl: options.baseUrl,
      sections: options.sections(),
      stories,
    });
    try {
      await writeSite(options.folder, files, media, options.mediaDir);
    } catch (error) {
      throw new PublishError(
        'rejected',
        `Could not write the site to ${options.folder}: ${(error as Error).message}`,
      );
    }
  };

  const keyFor = (storyId: string, slug: string, current: string | null, others: SiteStory[]): string => {
    const wanted = slug || storyId.toLowerCase();
    if (current === wanted) return current;
    return others.some((story) => story.key === wanted)
      ? `${wanted}-${storyId.slice(-6).toLowerCase()}`
      : wanted;
  };

  return {
    async publish(request) {
      request.progress({ step: 'images', done: request.media.length, total: request.media.length });
      request.progress({ step: 'send' });
      const others = options.published().filter((story) => story.storyId !== request.storyId);
      const key = keyFor(request.storyId, request.snapshot.slug, request.previous?.remoteId ?? null, others);
      const dates = publicationDates(request.previous, request.snapshot, options.now().getTime());
      const stories = [
        ...others,
        { storyId: request.storyId, key, snapshot: request.snapshot, ...dates },
      ].sort((a, b) => b.publishedAt - a.publishedAt || b.storyId.localeCompare(a.storyId));
      await build(stories);
      return {
        remoteId: key,
        remoteUrl: `${options.publicUrl}stories/${key}.html`,
        remoteModified: null,
      } satisfies PublishResult;
    },
    async unpublish({ storyId }) {
      await build(options.published().filter((story) => story.storyId !== storyId));
      return { remoteModified: null };
    },
  };
}
