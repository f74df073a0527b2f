import { countSkipped, emptyCounts, type ImportCounts } from '../importCounts';
import type { StoryWriter } from '../storyWriter';
import { deepestPath, storyFromWordPress } from '../wordpressPost';
import { readWxr, type WxrItem, type WxrProgress } from './readWxr';

const IMPORTED_TYPES = new Set(['post']);

/** WXR dates: `2013-01-10 20:15:40` in UTC (`*_gmt`) or the site's time; `0000-00-00 …` is none. */
function wxrDate(gmt: string, local: string): Date | null {
  for (const value of [gmt, local]) {
    if (!value || value.startsWith('0000')) continue;
    const date = new Date(`${value.replace(' ', 'T')}Z`);
    if (Number.isFinite(date.getTime())) return date;
  }
  return null;
}

/**
 * Imports a WordPress export file into the store through `writer`, in one streaming pass: posts
 * become stories, pages, attachments and menu items are counted and left out. Featured images whose
 * attachment comes later in the file are set at the end.
 */
export async function importWxr(
  file: string,
  options: {
    writer: (source: string) => StoryWriter;
    maxBytes: number;
    onProgress?: (progress: WxrProgress & { stories: number }) => void;
  },
): Promise<ImportCounts & { source: string }> {
  const counts = emptyCounts();
  const authors = new Map<string, string>();
  const categories = new Map<string, { name: string; parent: string }>();
  const attachments = new Map<string, string>();
  const laterThumbnails: { storyId: string; attachmentId: string }[] = [];
  let source = `wxr:${file}`;
  let writer: StoryWriter | null = null;
  let stories = 0;

  const pathOf = (category: { nicename: string; name: string }): string[] => {
    const path: string[] = [];
    for (let nicename = category.nicename, depth = 0; nicename && depth < 20; depth++) {
      const known = categories.get(nicename);
      path.unshift(known?.name || (nicename === category.nicename ? category.name : nicename));
      nicename = known?.parent ?? '';
    }
    return path;
  };
  const sectionPath = (item: WxrItem): string[] =>
    deepestPath(item.categories.filter((category) => category.nicename !== 'uncategorized').map(pathOf));

  const events = readWxr(file, {
    maxBytes: options.maxBytes,
    onProgress: (progress) => options.onProgress?.({ ...progress, stories }),
  });
  for await (const event of events) {
    if (event.kind === 'site') {
      if (event.link) source = `wxr:${event.link}`;
    } else if (event.kind === 'author') authors.set(event.login, event.displayName || event.login);
    else if (event.kind === 'category')
      categories.set(event.nicename, { name: event.name, parent: event.parent });
    else {
      const item = event.item;
      if (item.postType === 'attachment' && item.attachmentUrl)
        attachments.set(item.postId, item.attachmentUrl);
      if (!IMPORTED_TYPES.has(item.postType)) {
        countSkipped(counts, item.postType || 'unknown');
        continue;
      }
      const thumbnailId = item.meta._thumbnail_id ?? '';
      const story = storyFromWordPress(
        {
          id: item.postId || item.guid,
          title: item.title,
          content: item.content,
          excerpt: item.excerpt,
          author: authors.get(item.creator) ?? item.creator,
          slug: item.name,
          status: item.status,
          date: wxrDate(item.postDateGmt, item.postDate),
          modified: wxrDate(item.modifiedGmt, ''),
          password: item.password !== '',
          sectionPath: sectionPath(item),
          tags: item.tags,
          featuredImageUrl: thumbnailId ? (attachments.get(thumbnailId) ?? null) : null,
        },
        (id) => attachments.get(id),
      );
      if (!story) {
        countSkipped(counts, `status:${item.status || 'none'}`);
        continue;
      }
      writer ??= options.writer(source);
      const written = await writer.write(story);
      stories++;
      if (written.created) counts.created++;
      else counts.updated++;
      if (thumbnailId && !story.featuredImageUrl)
        laterThumbnails.push({ storyId: written.storyId, attachmentId: thumbnailId });
    }
  }
  for (const { storyId, attachmentId } of laterThumbnails) {
    const url = attachments.get(attachmentId);
    if (url && writer) await writer.setFeaturedImage(storyId, url);
  }
  return { ...counts, source };
}
