import { basename } from 'node:path';
import { storyToHtml } from '../../../../shared/editor';
import type { TargetQueries } from '../../../db/queries/targetQueries';
import type { PublicationRecord } from '../../../db/queries/publicationQueries';
import { PublishError } from '../../publishError';
import type { MediaAsset, PublishRequest, PublishResult, TargetAdapter } from '../../targetAdapter';
import { ghostRejection, type GhostClient } from './ghostClient';
import { alreadyOnSite, changedOnSite, type GhostPostFields } from './siteChanges';

interface GhostPost {
  id: string;
  slug: string;
  url: string;
  status: string;
  title: string;
  html: string | null;
  custom_excerpt: string | null;
  feature_image: string | null;
  tags?: { name: string }[];
  updated_at: string;
  /** Ghost's saved versions of the post (explicit saves in Ghost Admin, publishing), with who saved them. */
  post_revisions?: { created_at_ts?: number; author?: { name?: string } | null }[];
}

interface Posts {
  posts: GhostPost[];
}

/** Ghost refuses a longer custom excerpt. */
const EXCERPT_MAX = 300;
const READ = { formats: 'html', include: 'tags' };

const excerptOf = (standfirst: string): string =>
  standfirst.length <= EXCERPT_MAX ? standfirst : `${standfirst.slice(0, EXCERPT_MAX - 1).trimEnd()}…`;

/** The section first (Ghost's primary tag), then the story's tags, each name once. */
function tagNames(sectionName: string | null, tags: string[]): string[] {
  const seen = new Set<string>();
  return [sectionName, ...tags].filter((name): name is string => {
    if (!name || seen.has(name.toLowerCase())) return false;
    seen.add(name.toLowerCase());
    return true;
  });
}

const fieldsOf = (post: GhostPost): GhostPostFields => ({
  title: post.title,
  customExcerpt: post.custom_excerpt ?? '',
  slug: post.slug,
  tags: (post.tags ?? []).map((tag) => tag.name),
  featureImage: post.feature_image,
  status: post.status,
  html: post.html ?? '',
});

/** Ghost over its Admin API: posts from HTML, tags by name, images uploaded once per site. */
export function ghostTarget(options: {
  targetId: string;
  client: GhostClient;
  cache: TargetQueries;
  now?: () => Date;
}): TargetAdapter {
  const { targetId, client, cache } = options;
  const now = options.now ?? (() => new Date());

  // The hash in the file name lets an upload whose answer was lost be found on the site afterwards.
  const fileName = (asset: MediaAsset) => `copydesk-${asset.hash.slice(0, 16)}.${asset.ext}`;

  /** Where Ghost's local storage would have put the file this month or last (it files by upload date). */
  const uploadedEarlier = async (asset: MediaAsset): Promise<string | null> => {
    const today = now();
    for (const back of [0, 1]) {
      const at = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
      const month = String(at.getUTCMonth() + 1).padStart(2, '0');
      const url = `${client.siteUrl}/content/images/${at.getUTCFullYear()}/${month}/${fileName(asset)}`;
      if (await client.exists(url)) return url;
    }
    return null;
  };

  const upload = async (asset: MediaAsset): Promise<string> => {
    const cached = cache.media(targetId, asset.hash);
    if (cached) return cached.remoteUrl;
    let url = await uploadedEarlier(asset);
    if (!url) {
      const form = new FormData();
      const bytes = await asset.read();
      form.append(
        'file',
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: asset.mimeType }),
        fileName(asset),
      );
      form.append('purpose', 'image');
      form.append('ref', asset.src);
      const answer = await client.request<{ images?: { url?: string }[] }>('POST', '/images/upload/', {
        form,
      });
      url = answer.images?.[0]?.url ?? null;
      if (!url) throw new PublishError('invalid', "Ghost's answer to an image upload has no URL.");
    }
    cache.setMedia(targetId, asset.hash, url, url);
    return url;
  };

  const getPost = async (id: string, include = READ.include): Promise<GhostPost | null> => {
    try {
      return (
        (await client.request<Posts>('GET', `/posts/${id}/`, { query: { ...READ, include } })).posts[0] ??
        null
      );
    } catch (error) {
      if (ghostRejection(error)?.status === 404) return null;
      throw error;
    }
  };

  const findBySlug = async (slug: string): Promise<GhostPost | null> => {
    if (!/^[a-z0-9-]+$/.test(slug)) return null;
    const found = await client.request<Posts>('GET', '/posts/', {
      query: { ...READ, filter: `slug:'${slug}'`, limit: '1' },
    });
    return found.posts[0] ?? null;
  };

  const written = (answer: Posts, what: string): GhostPost => {
    const post = answer.posts?.[0];
    if (!post?.id || !post.updated_at)
      throw new PublishError('invalid', `The site's answer to ${what} is not a Ghost post.`);
    return post;
  };

  const put = async (id: string, post: Record<string, unknown>): Promise<GhostPost> =>
    written(
      await client.request<Posts>('PUT', `/posts/${id}/`, {
        query: { source: 'html', ...READ },
        json: { posts: [post] },
      }),
      `PUT /posts/${id}/`,
    );

  /** Who saved a version of the post after Copydesk's last write, when Ghost kept one. */
  const editorSince = (post: GhostPost, lastWrite: string | null): string | null => {
    // updated_at has one-second resolution; a revision from Copydesk's own write falls in that second.
    const after = lastWrite ? Date.parse(lastWrite) + 1000 : Infinity;
    const latest = (post.post_revisions ?? [])
      .filter((revision) => (revision.created_at_ts ?? 0) >= after)
      .sort((a, b) => (b.created_at_ts ?? 0) - (a.created_at_ts ?? 0))[0];
    return latest?.author?.name ?? null;
  };

  const conflict = (post: GhostPost, changed: string[], editor: string | null) =>
    new PublishError(
      'conflict',
      `The post was edited on the site${editor ? ` by ${editor}` : ''} (${post.updated_at.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC) since it was last published from here: ${
        changed.length ? `${changed.join(', ')} changed` : 'its formatting or links changed'
      }. Overwrite it?`,
    );

  /** What Copydesk sent last time, for telling which fields someone else changed since. */
  const lastSentFields = (previous: PublicationRecord, request: PublishRequest): GhostPostFields => {
    const { snapshot } = previous;
    const featured = snapshot.featuredImage ? basename(snapshot.featuredImage).split('.')[0]! : null;
    return {
      title: snapshot.headline,
      customExcerpt: excerptOf(snapshot.standfirst),
      slug: snapshot.slug,
      tags: tagNames(request.sectionName, snapshot.tags ?? []),
      featureImage: featured ? (cache.media(targetId, featured)?.remoteUrl ?? null) : null,
      status: { published: 'published', scheduled: 'scheduled', unpublished: 'draft' }[previous.state],
      html: storyToHtml(snapshot.body, { forPublishing: true }),
    };
  };

  return {
    async publish(request) {
      const { snapshot, previous } = request;
      request.progress({ step: 'images', done: 0, total: request.media.length });
      const urls = new Map<string, string>();
      for (const asset of request.media) {
        urls.set(asset.src, await upload(asset));
        request.progress({ step: 'images', done: urls.size, total: request.media.length });
      }
      const html = request.renderHtml((src) => urls.get(src) ?? src);

      // Ghost finds or creates tags by name itself; nothing to look up first.
      const tags = tagNames(request.sectionName, snapshot.tags);
      request.progress({ step: 'tags', done: tags.length, total: tags.length });

      request.progress({ step: 'send' });
      const scheduled = request.scheduledFor !== null;
      const post = {
        title: snapshot.headline,
        html,
        custom_excerpt: excerptOf(snapshot.standfirst),
        slug: snapshot.slug,
        status: scheduled ? 'scheduled' : 'published',
        ...(scheduled
          ? { published_at: request.scheduledFor!.toISOString() }
          : previous?.state === 'scheduled'
            ? { published_at: now().toISOString() }
            : {}),
        tags: tags.map((name) => ({ name })),
        feature_image: snapshot.featuredImage ? (urls.get(snapshot.featuredImage) ?? null) : null,
      };
      const sending: GhostPostFields = {
        title: post.title,
        customExcerpt: post.custom_excerpt,
        slug: post.slug,
        tags,
        featureImage: post.feature_image,
        status: post.status,
        html,
      };

      const update = async (id: string, updatedAt: string, mayRetry: boolean): Promise<GhostPost | null> => {
        try {
          return await put(id, { ...post, updated_at: updatedAt });
        } catch (error) {
          const refused = ghostRejection(error);
          if (refused?.status === 404) return null;
          if (refused?.status !== 409 || refused.code !== 'UPDATE_COLLISION' || !mayRetry) throw error;
          const current = await getPost(id, `${READ.include},post_revisions,post_revisions.author`);
          if (!current) return null;
          const onSite = fieldsOf(current);
          if (!request.overwrite && !alreadyOnSite(onSite, sending))
            throw conflict(
              current,
              previous ? changedOnSite(onSite, lastSentFields(previous, request)) : [],
              editorSince(current, previous?.remoteModified ?? null),
            );
          return update(id, current.updated_at, false);
        }
      };

      let result: GhostPost | null = null;
      if (previous?.remoteId) {
        const updatedAt = previous.remoteModified ?? (await getPost(previous.remoteId))?.updated_at;
        if (updatedAt) result = await update(previous.remoteId, updatedAt, true);
      }
      if (!result && (request.retried || previous)) {
        const found = await findBySlug(snapshot.slug);
        if (found) result = await update(found.id, found.updated_at, false);
      }
      result ??= written(
        await client.request<Posts>('POST', '/posts/', {
          query: { source: 'html', ...READ },
          json: { posts: [post] },
        }),
        'POST /posts/',
      );
      return {
        remoteId: result.id,
        remoteUrl: result.url,
        remoteModified: result.updated_at,
      } satisfies PublishResult;
    },

    async unpublish({ previous }) {
      if (!previous.remoteId) return { remoteModified: null };
      const current = await getPost(previous.remoteId);
      if (!current) return { remoteModified: null };
      const post = await put(current.id, { status: 'draft', updated_at: current.updated_at });
      return { remoteModified: post.updated_at };
    },
  };
}
