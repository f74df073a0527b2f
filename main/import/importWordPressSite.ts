import type Database from 'better-sqlite3';
import { z } from 'zod';
import { storyFieldsOf } from '../../shared/domain/story';
import { publicationQueries } from '../db/queries/publicationQueries';
import { PublishError } from '../publish/publishError';
import type { WordPressClient } from '../publish/targets/wordpress/wordpressClient';
import type { CallCore } from './coreCaller';
import { emptyCounts, countSkipped, type ImportCounts } from './importCounts';
import { ImportError } from './importError';
import type { StoryWriter } from './storyWriter';
import { deepestPath, storyFromWordPress } from './wordpressPost';

const PER_PAGE = 100;
const Rendered = z.object({ raw: z.string().optional(), rendered: z.string().optional() });
const Term = z.object({
  id: z.number(),
  name: z.string(),
  slug: z.string().optional(),
  taxonomy: z.string(),
});
const RestPost = z.object({
  id: z.number(),
  date_gmt: z.string().nullable(),
  modified_gmt: z.string(),
  slug: z.string(),
  status: z.string(),
  link: z.string(),
  password: z.string().optional(),
  title: Rendered,
  content: Rendered,
  excerpt: Rendered,
  categories: z.array(z.number()).default([]),
  _embedded: z
    .object({
      author: z.array(z.object({ name: z.string().optional() }).loose()).optional(),
      'wp:term': z.array(z.array(Term.loose())).optional(),
      'wp:featuredmedia': z.array(z.object({ source_url: z.string().optional() }).loose()).optional(),
    })
    .loose()
    .optional(),
});
type RestPost = z.infer<typeof RestPost>;
const RestCategory = z.object({ id: z.number(), name: z.string(), slug: z.string(), parent: z.number() });

const gmt = (value: string | null) => (value ? new Date(`${value}Z`) : null);
const textOf = (value: z.infer<typeof Rendered>) => value.raw ?? value.rendered ?? '';

async function allPages<T>(
  client: WordPressClient,
  route: string,
  schema: z.ZodType<T>,
  query: Record<string, string>,
) {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const batch = await client.request<unknown>('GET', route, {
      query: { ...query, per_page: String(PER_PAGE), page: String(page) },
    });
    const parsed = z.array(schema).safeParse(batch);
    if (!parsed.success)
      throw new ImportError(`The site's answer to ${route} is not a list of WordPress objects.`);
    items.push(...parsed.data);
    if (parsed.data.length < PER_PAGE) return items;
  }
}

/**
 * Imports a live WordPress site's posts (every status the user may see) over its REST API, with the
 * same mapping as an export file. A published post is recorded as published on `targetId` with its
 * remote id and address, so Publish from here later updates that post instead of making a second.
 */
export async function importWordPressSite(options: {
  client: WordPressClient;
  targetId: string;
  db: Database.Database;
  call: CallCore;
  writer: (source: string) => StoryWriter;
  onStory?: (done: number) => void;
}): Promise<ImportCounts> {
  const { client, call } = options;
  const counts = emptyCounts();
  const writer = options.writer(`wordpress:${options.targetId}`);
  const publications = publicationQueries(options.db);
  const categoriesById = new Map<number, z.infer<typeof RestCategory>>();
  try {
    for (const category of await allPages(client, '/wp/v2/categories', RestCategory, { context: 'view' }))
      categoriesById.set(category.id, category);
    for (let page = 1; ; page++) {
      const batch = await client.request<unknown>('GET', '/wp/v2/posts', {
        query: {
          context: 'edit',
          status: 'any',
          _embed: '1',
          per_page: String(PER_PAGE),
          page: String(page),
        },
      });
      const parsed = z.array(RestPost).safeParse(batch);
      if (!parsed.success) throw new ImportError("The site's answer to /wp/v2/posts is not a list of posts.");
      for (const post of parsed.data) await importPost(post);
      if (parsed.data.length < PER_PAGE) break;
    }
  } catch (error) {
    if (error instanceof PublishError) throw new ImportError(error.message);
    throw error;
  }
  return counts;

  function pathOf(id: number): string[] {
    const path: string[] = [];
    for (let at = categoriesById.get(id), depth = 0; at && depth < 20; depth++) {
      path.unshift(at.name);
      at = categoriesById.get(at.parent);
    }
    return path;
  }

  async function importPost(post: RestPost) {
    const terms = (post._embedded?.['wp:term'] ?? []).flat();
    const story = storyFromWordPress({
      id: String(post.id),
      title: textOf(post.title),
      content: textOf(post.content),
      excerpt: textOf(post.excerpt),
      author: post._embedded?.author?.[0]?.name ?? '',
      slug: post.slug,
      status: post.status,
      date: gmt(post.date_gmt),
      modified: gmt(post.modified_gmt),
      password: Boolean(post.password),
      sectionPath: deepestPath(
        post.categories.filter((id) => categoriesById.get(id)?.slug !== 'uncategorized').map(pathOf),
      ),
      tags: terms.filter((term) => term.taxonomy === 'post_tag').map((term) => term.name),
      featuredImageUrl: post._embedded?.['wp:featuredmedia']?.[0]?.source_url ?? null,
    });
    if (!story) {
      countSkipped(counts, `status:${post.status}`);
      return;
    }
    const written = await writer.write(story);
    if (written.created) counts.created++;
    else counts.updated++;
    if (post.status === 'publish') {
      const stored = await call('stories:get', { id: written.storyId });
      publications.save({
        storyId: stored.id,
        targetId: options.targetId,
        state: 'published',
        remoteId: String(post.id),
        remoteUrl: post.link,
        remoteModified: post.modified_gmt,
        publishedVersion: stored.version,
        publishedAt: Date.parse(stored.createdAt),
        updatedAt: null,
        scheduledFor: null,
        snapshot: {
          ...storyFieldsOf(stored),
          wordCount: stored.wordCount,
          tags: await call('tags:ofStory', { storyId: stored.id }),
        },
      });
    }
    options.onStory?.(counts.created + counts.updated);
  }
}
