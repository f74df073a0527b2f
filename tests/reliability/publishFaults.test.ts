import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { requireWordPress, startWordPress, type WordPressPeer } from '../peers/wordpress';
import { body, publishingCore, startProxy, type ProxyMode } from '../integration/publishTestKit';

const hasWordPress = requireWordPress();
const STORIES = 100;
/** A client timeout short enough that the 'hang' fault costs little. */
const TIMEOUT_MS = 1500;

/** Deterministic per seed, so a failure can be replayed with FAULT_SEED=… */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fault = 'dropped connection' | '500' | '502' | '429 Retry-After' | 'timeout' | 'response lost' | 'slow';
const FAULTS: [Fault, number, (rand: () => number) => ProxyMode][] = [
  ['dropped connection', 0.06, () => 'refuse'],
  ['500', 0.05, () => 500],
  ['502', 0.05, () => 502],
  [
    '429 Retry-After',
    0.05,
    (rand) => ({ status: 429, headers: { 'retry-after': String(1 + Math.floor(rand() * 5)) } }),
  ],
  ['timeout', 0.02, () => 'hang'],
  ['response lost', 0.07, () => 'drop-response'],
  ['slow', 0.06, (rand) => ({ slowMs: 200 + Math.floor(rand() * 800) })],
];

describe.skipIf(!hasWordPress)('publishing through a faulty network', () => {
  let peer: WordPressPeer;
  beforeAll(async () => {
    peer = await startWordPress();
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it(`publishes ${STORIES} stories exactly once each through dropped connections, 5xx, 429, timeouts and lost answers`, async () => {
    const seed = Number(process.env.FAULT_SEED ?? randomBytes(4).readUInt32LE());
    const rand = random(seed);
    const injected = new Map<Fault, number>(FAULTS.map(([name]) => [name, 0]));
    let requests = 0;
    let faulty = false;
    const decide = (_req: IncomingMessage): ProxyMode => {
      requests++;
      if (!faulty) return 'forward';
      let roll = rand();
      for (const [name, chance, mode] of FAULTS) {
        if (roll < chance) {
          injected.set(name, injected.get(name)! + 1);
          return mode(rand);
        }
        roll -= chance;
      }
      return 'forward';
    };
    const proxy = await startProxy(peer.url, decide);
    const kit = publishingCore(new Date('2026-03-01T09:00:00Z'), {
      fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) }),
    });
    const run = randomBytes(3).toString('hex');
    try {
      await kit.call('settings:update', { requireApproval: false });
      const target = await kit.call('targets:save', {
        kind: 'wordpress',
        url: proxy.url,
        userName: peer.user,
        password: peer.appPassword,
      });
      const stories: { id: string; headline: string }[] = [];
      for (let n = 0; n < STORIES; n++)
        stories.push(
          await kit.call('stories:create', {
            headline: `Fault ${run} story ${n}`,
            sectionId: 'politics',
            body: body(`Paragraph of story ${n}.`),
          }),
        );
      faulty = true;
      const jobs = [];
      for (const story of stories)
        jobs.push(await kit.call('publish:start', { storyId: story.id, targetId: target.id }));

      let rounds = 0;
      const pending = async () => {
        const states = await Promise.all(
          stories.map(async (story) => (await kit.call('publish:status', { storyId: story.id })).jobs[0]!),
        );
        return states.filter((job) => job.state !== 'done');
      };
      await kit.runDue();
      for (let left = await pending(); left.length > 0 && rounds < 40; left = await pending()) {
        expect(
          left.filter((job) => job.state === 'failed' || job.state === 'paused').map((job) => job.lastError),
        ).toEqual([]);
        rounds++;
        kit.tick(600_000);
        await kit.runDue();
      }
      faulty = false;

      const finished = await Promise.all(
        stories.map(async (story) => (await kit.call('publish:status', { storyId: story.id })).jobs[0]!),
      );
      const counts = JSON.parse(
        await peer.runPhp(
          `global $wpdb; echo json_encode($wpdb->get_results($wpdb->prepare("SELECT post_title AS title, COUNT(*) AS n FROM {$wpdb->posts} WHERE post_type = 'post' AND post_status = 'publish' AND post_title LIKE %s GROUP BY post_title", 'Fault ${run} story %')));`,
        ),
      ) as { title: string; n: string }[];
      const perTitle = new Map(counts.map((row) => [row.title, Number(row.n)]));
      const duplicated = stories.filter((story) => (perTitle.get(story.headline) ?? 0) > 1).length;
      const lost = stories.filter((story) => !perTitle.has(story.headline)).length;
      const attempts = finished.reduce((sum, job) => sum + job.attempts, 0);
      const faults = [...injected.values()].reduce((sum, n) => sum + n, 0);
      console.log(
        `publish faults (seed ${seed}): ${STORIES} stories, ${requests} requests, ${faults} faults injected ` +
          `(${[...injected].map(([name, n]) => `${name} ${n}`).join(', ')}), ${attempts} attempts over ${rounds + 1} rounds; ` +
          `${finished.filter((job) => job.state === 'done').length} done, ${perTitle.size} posts, ${duplicated} duplicated, ${lost} lost`,
      );
      expect(faults).toBeGreaterThan(STORIES / 2);
      expect(finished.map((job) => job.state)).toEqual(stories.map(() => 'done'));
      expect({ duplicated, lost, posts: perTitle.size }).toEqual({ duplicated: 0, lost: 0, posts: STORIES });
    } finally {
      kit.dispose();
      await proxy.close();
    }
  }, 600_000);
});
