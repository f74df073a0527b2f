import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasForbiddenChars } from '../../shared/domain/text';
import { unsafeHtmlParts } from '../support/htmlSafety';
import { requireWordPress, startWordPress, type WordPressPeer } from '../peers/wordpress';
import { distinctStories, publishAll, storeHostileCorpus, type StoredCorpus } from './hostileCorpusKit';
import { publishingCore, type PublishingCore } from './publishTestKit';

const hasWordPress = requireWordPress();
// Every WordPress post costs a few requests to a single-threaded PHP server: a fixed sample of the stored corpus.
const SAMPLE = 80;

/** A proxy in front of WordPress that keeps the JSON body of every post Copydesk sends. */
async function recordingProxy(upstream: string) {
  const target = new URL(upstream);
  const sent: { title?: string; content?: string; excerpt?: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('rest_route') ?? '';
      if (req.method === 'POST' && /^\/wp\/v2\/posts(\/\d+)?$/.test(route))
        sent.push(JSON.parse(body.toString('utf8')) as (typeof sent)[number]);
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on('error', () => res.destroy());
      forwarded.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface WpPost {
  id: number;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
}

describe.skipIf(!hasWordPress)('crafted stories published to a real WordPress', () => {
  let peer: WordPressPeer;
  let kit: PublishingCore;
  let corpus: StoredCorpus;
  let targetId: string;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;

  beforeAll(async () => {
    peer = await startWordPress();
    proxy = await recordingProxy(peer.url);
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    const target = await kit.call('targets:save', {
      kind: 'wordpress',
      url: proxy.url,
      userName: peer.user,
      password: peer.appPassword,
    });
    targetId = target.id;
    corpus = await storeHostileCorpus(kit);
  }, 600_000);
  afterAll(async () => {
    kit?.dispose();
    await proxy?.close();
    await peer?.stop();
  });

  it('sends, and WordPress stores, titles, excerpts and content without forbidden characters, scripts, handlers or dangerous URLs', async () => {
    const stories = distinctStories(corpus);
    const step = Math.max(1, Math.floor(stories.length / SAMPLE));
    const sample = stories.filter((_, index) => index % step === 0).slice(0, SAMPLE);
    await publishAll(kit, [corpus.linked], targetId);
    await publishAll(kit, sample, targetId);

    // Stories that share a slug update one post; every job is done (publishAll checks).
    expect(proxy.sent.length).toBeGreaterThan(sample.length / 2);
    const sentProblems = proxy.sent.flatMap((post, index) => [
      ...Object.entries(post)
        .filter(
          ([field, value]) =>
            ['title', 'content', 'excerpt'].includes(field) &&
            typeof value === 'string' &&
            hasForbiddenChars(value),
        )
        .map(([field]) => `sent post ${index} ${field}: a character HTML/XML forbid`),
      ...unsafeHtmlParts(post.content ?? '').map((problem) => `sent post ${index} content: ${problem}`),
    ]);
    expect(sentProblems).toEqual([]);

    const auth = `Basic ${Buffer.from(`${peer.user}:${peer.appPassword}`).toString('base64')}`;
    const posts: WpPost[] = [];
    for (let page = 1; ; page++) {
      const response = await fetch(
        peer.restUrl('/wp/v2/posts', { context: 'edit', status: 'any', per_page: '100', page: String(page) }),
        { headers: { authorization: auth } },
      );
      // WordPress answers 400 for a page past the last.
      if (page > 1 && response.status === 400) break;
      expect(response.status).toBe(200);
      const batch = (await response.json()) as WpPost[];
      if (batch.length === 0) break;
      posts.push(...batch);
    }
    expect(posts.length).toBeGreaterThan(sample.length / 2);
    const problems = posts.flatMap((post) => {
      const found: string[] = [];
      for (const [field, value] of Object.entries({
        title: post.title.raw,
        excerpt: post.excerpt.raw,
        content: post.content.raw,
      }))
        if (hasForbiddenChars(value)) found.push(`post ${post.id} ${field}: a character HTML/XML forbid`);
      found.push(
        ...unsafeHtmlParts(post.content.raw).map((problem) => `post ${post.id} content: ${problem}`),
      );
      return found;
    });
    expect(problems).toEqual([]);
    console.log(`WordPress: ${posts.length} crafted posts checked as sent`);
  }, 600_000);
});
