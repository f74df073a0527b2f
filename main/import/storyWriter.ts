import type Database from 'better-sqlite3';
import type { StoryFields, StoryStatus } from '../../shared/domain/story';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../shared/domain/slug';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_STORY, normalizeTagName } from '../../shared/domain/tag';
import type { CallCore } from './coreCaller';
import { htmlToDoc } from './htmlToDoc';
import { localizeImages, type ImageFetcher } from './importImages';
import { importQueries } from './importQueries';

export const PLACEHOLDER_HEADLINE = 'Untitled imported story';

/** A story as a source describes it, before it is stored. */
export interface ImportedStory {
  /** The post id, guid or file name in its source; with the source, what makes a re-import an update. */
  remoteId: string;
  headline: string;
  standfirst: string;
  byline: string;
  slug: string;
  status: StoryStatus;
  createdAt: Date;
  updatedAt: Date;
  embargoUntil: Date | null;
  /** Section names from the top: ["News", "Local"] is the section "News › Local". */
  sectionPath: string[];
  tags: string[];
  html: string;
  featuredImageUrl: string | null;
  notes: string[];
}

export interface WriteResult {
  storyId: string;
  version: number;
  created: boolean;
}

const SECTION_MAX = 60;

const missingFeatured = (url: string) =>
  `Missing featured image: ${url} could not be brought in (unreachable, not an image, or --no-images).`;

const validTime = (date: Date | null, fallback: number) => {
  const time = date?.getTime();
  return time !== undefined && Number.isFinite(time) ? time : fallback;
};

function sectionName(path: string[]): string | null {
  const name = path
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' › ');
  if (!name) return null;
  return name.length <= SECTION_MAX ? name : `…${name.slice(name.length - SECTION_MAX + 1)}`;
}

function cleanTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTagName(raw).slice(0, MAX_TAG_LENGTH).trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    kept.push(tag);
  }
  return kept.slice(0, MAX_TAGS_PER_STORY);
}

/**
 * Stores imported stories through the core's channels (so the schema, search index, links, tags and
 * revisions follow the same rules as editing), then sets the history the source brings (status,
 * dates) and remembers where each came from: the same source and remote id updates the same story.
 */
export function storyWriter(options: {
  call: CallCore;
  db: Database.Database;
  source: string;
  fetchImage: ImageFetcher;
  now: () => Date;
}) {
  const { call, source, fetchImage, now } = options;
  const queries = importQueries(options.db);
  const sectionIds = new Map<string, string>();

  const sectionIdOf = async (path: string[]): Promise<string | null> => {
    const name = sectionName(path);
    if (!name) return null;
    const key = name.toLowerCase();
    if (sectionIds.size === 0)
      for (const section of await call('sections:list', {}))
        sectionIds.set(section.name.toLowerCase(), section.id);
    if (!sectionIds.has(key)) sectionIds.set(key, (await call('sections:create', { name })).id);
    return sectionIds.get(key)!;
  };

  return {
    async write(story: ImportedStory): Promise<WriteResult> {
      const notes = [...story.notes];
      let headline = story.headline.replace(/\s+/g, ' ').trim();
      if (!headline) {
        headline = PLACEHOLDER_HEADLINE;
        notes.push('This story had no title where it came from; the headline is a placeholder.');
      }
      if (headline.length > 300) headline = `${headline.slice(0, 299)}…`;
      let featuredImage: string | null = null;
      if (story.featuredImageUrl) {
        featuredImage = await fetchImage(story.featuredImageUrl);
        if (!featuredImage) notes.push(missingFeatured(story.featuredImageUrl));
      }
      const fields: Partial<StoryFields> = {
        headline,
        standfirst: story.standfirst.replace(/\s+/g, ' ').trim().slice(0, 1000),
        byline: story.byline.trim().slice(0, 200),
        slug: story.slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(story.slug) ? story.slug : '',
        sectionId: await sectionIdOf(story.sectionPath),
        featuredImage,
        embargoUntil: story.embargoUntil ? story.embargoUntil.toISOString() : null,
        body: htmlToDoc(await localizeImages(story.html, fetchImage)),
      };
      const existingId = queries.storyOf(source, story.remoteId);
      const existing = existingId ? await call('stories:get', { id: existingId }) : null;
      const stored = existing
        ? await call('stories:save', { id: existing.id, expectedVersion: existing.version, changes: fields })
        : await call('stories:create', fields);
      await call('stories:setTags', { id: stored.id, tags: cleanTags(story.tags) });
      const at = now().getTime();
      const createdAt = validTime(story.createdAt, at);
      queries.setHistory(stored.id, {
        status: story.status,
        createdAt,
        updatedAt: validTime(story.updatedAt, createdAt),
      });
      for (const note of notes) queries.addNote(stored.id, note, at);
      queries.remember(source, story.remoteId, stored.id, at);
      return { storyId: stored.id, version: stored.version, created: !existing };
    },

    /** Sets a featured image known only after the story was written (its attachment came later). */
    async setFeaturedImage(storyId: string, url: string): Promise<void> {
      const src = await fetchImage(url);
      const story = await call('stories:get', { id: storyId });
      if (!src) {
        queries.addNote(storyId, missingFeatured(url), now().getTime());
        return;
      }
      await call('stories:save', {
        id: storyId,
        expectedVersion: story.version,
        changes: { featuredImage: src },
      });
      queries.setUpdatedAt(storyId, Date.parse(story.updatedAt));
    },
  };
}

export type StoryWriter = ReturnType<typeof storyWriter>;
