import type { TargetQueries } from '../../../db/queries/targetQueries';
import { PublishError } from '../../publishError';
import type { MediaAsset, PublishRequest, PublishResult, TargetAdapter } from '../../targetAdapter';
import { rejection, type WordPressClient } from './wordpressClient';

interface WpPost {
  id: number;
  link: string;
  slug: string;
  status: string;
  modified_gmt: string;
}

/**
 * The post fields the adapter reads. Asking for only these spares WordPress rendering the content
 * (its filters run on the whole body) and the JSON of it in every answer.
 */
const POST_FIELDS = { _fields: 'id,link,slug,status,modified_gmt' };

interface WpTerm {
  id: number;
  name: string;
}

interface WpMedia {
  id: number;
  source_url: string;
}

/** WordPress over REST: posts, categories and tags created on demand, images uploaded once per site. */
export function wordpressTarget(options: {
  targetId: string;
  client: WordPressClient;
  cache: TargetQueries;
}): TargetAdapter {
  const { targetId, client, cache } = options;

  const findTerm = async (taxonomy: 'categories' | 'tags', name: string): Promise<number | null> => {
    const found = await client.request<WpTerm[]>('GET', `/wp/v2/${taxonomy}`, {
      query: { search: name, per_page: '100', context: 'edit' },
    });
    return found.find((term) => term.name.toLowerCase() === name.toLowerCase())?.id ?? null;
  };

  const termId = async (taxonomy: 'categories' | 'tags', name: string): Promise<number> => {
    const cached = cache.term(targetId, taxonomy, name);
    if (cached) return Number(cached);
    let id = await findTerm(taxonomy, name);
    if (id === null) {
      try {
        id = (await client.request<WpTerm>('POST', `/wp/v2/${taxonomy}`, { json: { name } })).id;
      } catch (error) {
        const refused = rejection(error);
        const existing = (refused?.body.data as { term_id?: number } | undefined)?.term_id;
        if (refused?.body.code !== 'term_exists' || typeof existing !== 'number') throw error;
        id = existing;
      }
    }
    cache.setTerm(targetId, taxonomy, name, String(id));
    return id;
  };

  /**
   * An image goes up with a slug made of its content hash, so an upload that reached the site even
   * though its answer was lost (timeout, reset) is found by that slug rather than sent again. The
   * slug is passed explicitly: WordPress would otherwise derive it from the title, which it takes
   * from the image's own IPTC/EXIF title when there is one.
   */
  const mediaSlug = (asset: MediaAsset) => `copydesk-${asset.hash.slice(0, 16)}`;

  const findMedia = async (slug: string): Promise<WpMedia | null> => {
    const found = await client.request<WpMedia[]>('GET', '/wp/v2/media', {
      query: { slug, per_page: '1' },
    });
    return found[0] ?? null;
  };

  const upload = async (asset: MediaAsset): Promise<{ id: number; url: string }> => {
    const cached = cache.media(targetId, asset.hash);
    if (cached) return { id: Number(cached.remoteId), url: cached.remoteUrl };
    // One indexed lookup per image new to this target (not only on a retry of this job): the lost
    // upload may also belong to an earlier job for another story, or to a job that was replaced.
    const slug = mediaSlug(asset);
    const media =
      (await findMedia(slug)) ??
      (await client.request<WpMedia>('POST', '/wp/v2/media', {
        query: { slug },
        body: await asset.read(),
        headers: {
          'content-type': asset.mimeType,
          'content-disposition': `attachment; filename="${slug}.${asset.ext}"`,
        },
      }));
    cache.setMedia(targetId, asset.hash, String(media.id), media.source_url);
    return { id: media.id, url: media.source_url };
  };

  const getPost = async (id: string): Promise<WpPost | null> => {
    try {
      return await client.request<WpPost>('GET', `/wp/v2/posts/${id}`, {
        query: { context: 'edit', ...POST_FIELDS },
      });
    } catch (error) {
      if (rejection(error)?.status === 404) return null;
      throw error;
    }
  };

  const findBySlug = async (slug: string): Promise<WpPost | null> => {
    if (!slug) return null;
    const found = await client.request<WpPost[]>('GET', '/wp/v2/posts', {
      query: { slug, status: 'any', context: 'edit', per_page: '1', ...POST_FIELDS },
    });
    return found[0] ?? null;
  };

  const existingPost = async (request: PublishRequest): Promise<WpPost | null> => {
    const { previous } = request;
    if (previous?.remoteId) {
      const post = await getPost(previous.remoteId);
      if (post) {
        const changedOnSite =
          previous.remoteModified !== null && post.modified_gmt !== previous.remoteModified;
        if (changedOnSite && !request.overwrite)
          throw new PublishError(
            'conflict',
            `The post was edited on the site (${post.modified_gmt.replace('T', ' ')} UTC) since it was last published from here. Overwrite it?`,
          );
        return post;
      }
    }
    return request.retried || previous ? findBySlug(request.snapshot.slug) : null;
  };

  return {
    async publish(request) {
      const { snapshot } = request;
      // Each progress report is a job write (a disk sync): a step with nothing to do is not reported.
      if (request.media.length > 0)
        request.progress({ step: 'images', done: 0, total: request.media.length });
      const urls = new Map<string, { id: number; url: string }>();
      for (const asset of request.media) {
        urls.set(asset.src, await upload(asset));
        request.progress({ step: 'images', done: urls.size, total: request.media.length });
      }
      const content = request.renderHtml((src) => urls.get(src)?.url ?? src);

      if (snapshot.tags.length > 0) request.progress({ step: 'tags', done: 0, total: snapshot.tags.length });
      const categories = request.sectionName ? [await termId('categories', request.sectionName)] : [];
      const tags: number[] = [];
      for (const tag of snapshot.tags) {
        tags.push(await termId('tags', tag));
        request.progress({ step: 'tags', done: tags.length, total: snapshot.tags.length });
      }

      request.progress({ step: 'send' });
      const featured = snapshot.featuredImage ? urls.get(snapshot.featuredImage) : undefined;
      const body = {
        title: snapshot.headline,
        content,
        excerpt: snapshot.standfirst,
        slug: snapshot.slug,
        status: request.scheduledFor ? 'future' : 'publish',
        ...(request.scheduledFor ? { date_gmt: request.scheduledFor.toISOString().slice(0, 19) } : {}),
        categories,
      };
      const existing = await existingPost(request);
      // An update sends them even when empty, to take away tags or an image the post had; a new post has none.
      const clearing = existing !== null;
      const post = await client.request<WpPost>(
        'POST',
        existing ? `/wp/v2/posts/${existing.id}` : '/wp/v2/posts',
        {
          query: POST_FIELDS,
          json: {
            ...body,
            ...(tags.length > 0 || clearing ? { tags } : {}),
            ...(featured || clearing ? { featured_media: featured?.id ?? 0 } : {}),
          },
        },
      );
      return {
        remoteId: String(post.id),
        remoteUrl: post.link,
        remoteModified: post.modified_gmt,
      } satisfies PublishResult;
    },

    async unpublish({ previous }) {
      if (!previous.remoteId) return { remoteModified: null };
      const post = await client.request<WpPost>('POST', `/wp/v2/posts/${previous.remoteId}`, {
        query: POST_FIELDS,
        json: { status: 'draft' },
      });
      return { remoteModified: post.modified_gmt };
    },
  };
}
