import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasForbiddenChars } from '../../shared/domain/text';
import { unsafeHtmlParts } from '../support/htmlSafety';
import { requireGhost, startGhost, type GhostPeer } from '../peers/ghost';
import { distinctStories, publishAll, storeHostileCorpus, type StoredCorpus } from './hostileCorpusKit';
import { publishingCore, type PublishingCore } from './publishTestKit';

const hasGhost = requireGhost();
// Each Ghost post costs a few Admin API calls (tags, images, the post): a fixed sample of the stored corpus.
const SAMPLE = 60;

interface GhostPost {
  id: string;
  title: string;
  custom_excerpt: string | null;
  html: string | null;
}

describe.skipIf(!hasGhost)('crafted stories published to a real Ghost', () => {
  let peer: GhostPeer;
  let kit: PublishingCore;
  let corpus: StoredCorpus;
  let targetId: string;

  beforeAll(async () => {
    peer = await startGhost();
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
    targetId = (await kit.call('targets:save', { kind: 'ghost', url: peer.url, adminKey: peer.adminKey })).id;
    corpus = await storeHostileCorpus(kit);
  }, 600_000);
  afterAll(async () => {
    kit?.dispose();
    await peer?.stop();
  });

  it('Ghost stores titles, excerpts and bodies without forbidden characters, scripts, handlers or dangerous URLs', async () => {
    const stories = distinctStories(corpus);
    const step = Math.max(1, Math.floor(stories.length / SAMPLE));
    const sample = stories.filter((_, index) => index % step === 0).slice(0, SAMPLE);
    await publishAll(kit, [corpus.linked], targetId);
    await publishAll(kit, sample, targetId);

    const { status, body } = await peer.admin<{ posts: GhostPost[] }>(
      'GET',
      '/posts/?formats=html&limit=all&filter=status:[published,draft,scheduled]',
    );
    expect(status).toBe(200);
    // Stories that share a slug update one post; every job is done (publishAll checks).
    expect(body.posts.length).toBeGreaterThan(sample.length / 2);
    const problems = body.posts.flatMap((post) => {
      const found: string[] = [];
      for (const [field, value] of Object.entries({
        title: post.title,
        custom_excerpt: post.custom_excerpt ?? '',
        html: post.html ?? '',
      }))
        if (hasForbiddenChars(value)) found.push(`post ${post.id} ${field}: a character HTML/XML forbid`);
      found.push(...unsafeHtmlParts(post.html ?? '').map((problem) => `post ${post.id} html: ${problem}`));
      return found;
    });
    expect(problems).toEqual([]);
    console.log(`Ghost: ${body.posts.length} crafted posts checked as Ghost stores them`);
  }, 600_000);
});
