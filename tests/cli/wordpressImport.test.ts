import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { fileSecretBox } from '../../main/publish/secrets/fileSecretBox';
import type { Story } from '../../shared/domain/story';
import { requireWordPress, startWordPress, type WordPressPeer } from '../peers/wordpress';
import { tempDir } from '../support/tempDir';
import { cliJson, ensureBuilt, runCli } from './cliRunner';

const hasWordPress = requireWordPress();

interface WpPost {
  id: number;
  link: string;
  title: { raw: string };
}

describe.skipIf(!hasWordPress)(
  'copydesk import --wordpress (a live site over REST)',
  { timeout: 180_000 },
  () => {
    let peer: WordPressPeer;
    const dir = tempDir('copydesk-cli-wp-');
    const data = join(dir.path, 'data');

    const wp = async <T>(
      method: string,
      route: string,
      body?: unknown,
      query: Record<string, string> = {},
    ): Promise<T> => {
      const response = await fetch(peer.restUrl(route, query), {
        method,
        headers: {
          authorization: `Basic ${Buffer.from(`${peer.user}:${peer.appPassword}`).toString('base64')}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(response.ok, `${method} ${route}: ${response.status}`).toBe(true);
      return (await response.json()) as T;
    };

    /** Works on the data folder as the app would, between command-line runs. */
    const withCore = async <T>(
      work: (call: <R>(channel: string, input: unknown) => Promise<R>) => Promise<T>,
    ) => {
      const core = createCore({
        dataDir: data,
        appVersion: 'test',
        host: 'test',
        log: () => undefined,
        publishing: { secrets: fileSecretBox(data), startWorker: false },
      });
      try {
        return await work(async (channel, input) => {
          const result = await core.dispatch(channel, input);
          if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
          return result.value as never;
        });
      } finally {
        core.close();
      }
    };

    let published: WpPost;

    beforeAll(async () => {
      ensureBuilt();
      peer = await startWordPress({ dir: dir.path });
      const news = await wp<{ id: number }>('POST', '/wp/v2/categories', { name: 'News' });
      const local = await wp<{ id: number }>('POST', '/wp/v2/categories', { name: 'Local', parent: news.id });
      const tag = await wp<{ id: number }>('POST', '/wp/v2/tags', { name: 'Harbour' });
      published = await wp<WpPost>('POST', '/wp/v2/posts', {
        title: 'Harbour bridge reopens',
        content:
          '<!-- wp:paragraph --><p>The bridge <a href="javascript:alert(1)">reopened</a> today.</p><!-- /wp:paragraph -->\n\n[caption id="x" width="300"]<img src="http://127.0.0.1:1/missing.jpg" alt="Bridge"> The bridge at dawn[/caption]',
        excerpt: 'After two years of repairs.',
        status: 'publish',
        categories: [local.id],
        tags: [tag.id],
      });
      await wp('POST', '/wp/v2/posts', {
        title: 'Council budget (draft)',
        content: 'Draft text.',
        status: 'draft',
      });
      await wp('POST', '/wp/v2/posts', {
        title: 'Waiting for review',
        content: 'Pending text.',
        status: 'pending',
      });
      await wp('POST', '/wp/v2/pages', {
        title: 'About us',
        content: 'A page, not a story.',
        status: 'publish',
      });
      await withCore((call) =>
        call('targets:save', {
          kind: 'wordpress',
          name: 'Test site',
          url: peer.url,
          userName: peer.user,
          password: peer.appPassword,
        }),
      );
    }, 180_000);

    afterAll(async () => {
      await peer?.stop();
      dir.remove();
    });

    it('imports every post with the WXR mapping and records the published one as published there', async () => {
      const onSite = await wp<WpPost[]>('GET', '/wp/v2/posts', undefined, {
        status: 'any',
        context: 'edit',
        per_page: '100',
      });
      const counts = await cliJson<{ created: number; updated: number }>([
        'import',
        '--wordpress',
        'Test site',
        '--data',
        data,
      ]);
      // ours and WordPress's own "Hello world!"; the page is not a story
      expect(counts).toMatchObject({ created: onSite.length, updated: 0 });

      const db = new Database(join(data, 'copydesk.db'), { readonly: true });
      const rows = db
        .prepare(
          'SELECT s.*, sec.name AS section FROM stories s LEFT JOIN sections sec ON sec.id = s.section_id ORDER BY headline',
        )
        .all() as Record<string, string>[];
      expect(rows.map((r) => [r.headline, r.status])).toEqual(
        expect.arrayContaining([
          ['Council budget (draft)', 'draft'],
          ['Harbour bridge reopens', 'published'],
          ['Waiting for review', 'in_review'],
        ]),
      );
      expect(rows.map((r) => r.headline)).not.toContain('About us');
      const harbour = rows.find((r) => r.headline === 'Harbour bridge reopens')!;
      expect(harbour.section).toBe('News › Local');
      expect(harbour.standfirst).toBe('After two years of repairs.');
      expect(harbour.byline).toBe(peer.user);
      expect(harbour.body_json).not.toMatch(/javascript:|wp:paragraph|\[caption/);
      expect(harbour.body_text).toContain('[Missing image: Bridge — http://127.0.0.1:1/missing.jpg]');
      const publication = db
        .prepare('SELECT * FROM publications WHERE story_id = ?')
        .get(harbour.id) as Record<string, string>;
      expect(publication).toMatchObject({
        remote_id: String(published.id),
        remote_url: published.link,
        state: 'published',
      });
      db.close();

      const again = await cliJson<{ created: number; updated: number }>([
        'import',
        '--wordpress',
        'Test site',
        '--data',
        data,
      ]);
      expect(again).toMatchObject({ created: 0, updated: onSite.length });
    });

    it('a later publish from the command line updates the same post instead of making a second', async () => {
      const postsBefore = await wp<WpPost[]>('GET', '/wp/v2/posts', undefined, {
        status: 'any',
        context: 'edit',
        per_page: '100',
      });
      await withCore(async (call) => {
        const page = await call<{ items: Story[] }>('library:query', { search: 'harbour' });
        const story = await call<Story>('stories:get', { id: page.items[0]!.id });
        await call('stories:save', {
          id: story.id,
          expectedVersion: story.version,
          changes: { headline: 'Harbour bridge reopens to traffic' },
        });
      });
      const run = await runCli([
        'publish',
        'harbour-bridge-reopens',
        '--target',
        'Test site',
        '--data',
        data,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(published.link);
      const post = await wp<WpPost>('GET', `/wp/v2/posts/${published.id}`, undefined, { context: 'edit' });
      expect(post.title.raw).toBe('Harbour bridge reopens to traffic');
      const postsAfter = await wp<WpPost[]>('GET', '/wp/v2/posts', undefined, {
        status: 'any',
        context: 'edit',
        per_page: '100',
      });
      expect(postsAfter).toHaveLength(postsBefore.length);
    });

    it('exits 1 with the reason when the site cannot be reached, importing nothing', async () => {
      await peer.pause();
      try {
        const run = await runCli(['import', '--wordpress', 'Test site', '--data', data]);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/Could not reach .*Nothing was imported/);
      } finally {
        await peer.resume();
      }
    });
  },
);
