import { performance } from 'node:perf_hooks';
import { median, round, type Measurement } from '../measurement';
import { documentOf } from '../typing/storyPages';
import { startWordPress, type WordPressPeer } from '../../peers/wordpress';
import { publishingCore, type PublishingCore } from '../../integration/publishTestKit';

const WORDS = 800;

async function publishStory(kit: PublishingCore, targetId: string, storyId: string): Promise<void> {
  const job = await kit.call('publish:start', { storyId, targetId });
  await kit.runDue();
  const done = (await kit.call('publish:status', { storyId })).jobs.find((j) => j.id === job.id);
  if (done?.state !== 'done') throw new Error(`publish ended ${done?.state}: ${done?.lastError}`);
}

const basicAuth = (peer: WordPressPeer) =>
  `Basic ${Buffer.from(`${peer.user}:${peer.appPassword}`).toString('base64')}`;

/** What a newsroom's own script would do: one REST POST of the post, the same HTML, the same app password. */
function plainPost(peer: WordPressPeer, post: { title: string; content: string; excerpt: string }) {
  return async () => {
    const response = await fetch(peer.restUrl('/wp/v2/posts'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', authorization: basicAuth(peer) },
      body: JSON.stringify({ ...post, status: 'publish' }),
    });
    if (response.status !== 201) throw new Error(`plain POST answered ${response.status}`);
    await response.json();
  };
}

/**
 * Copydesk's publish of a story (job, render, slug look-up, send) to a real local WordPress against a
 * plain REST POST of the HTML Copydesk sent, interleaved; then 100 stories in one batch against 100 POSTs.
 */
export async function wordpressPublishBench(rounds: number, batch: number): Promise<Measurement[]> {
  const peer = await startWordPress();
  const kit = publishingCore();
  try {
    await kit.call('settings:update', { requireApproval: false });
    const target = await kit.call('targets:save', {
      kind: 'wordpress',
      url: peer.url,
      userName: peer.user,
      password: peer.appPassword,
    });
    const story = (i: string) =>
      kit.call('stories:create', {
        headline: `Bench story ${i}`,
        standfirst: 'What happened, in a sentence.',
        sectionId: 'politics',
        body: documentOf(WORDS),
      });
    const sentHtml = async (storyId: string) => {
      const status = await kit.call('publish:status', { storyId });
      const remoteId = status.publications[0]!.remoteId;
      const response = await fetch(peer.restUrl(`/wp/v2/posts/${remoteId}`, { context: 'edit' }), {
        headers: { authorization: basicAuth(peer) },
      });
      const post = (await response.json()) as { content: { raw: string } };
      return post.content.raw;
    };

    await publishStory(kit, target.id, (await story('warm-up')).id);
    const ours: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const created = await story(`single ${i}`);
      let started = performance.now();
      await publishStory(kit, target.id, created.id);
      ours.push(performance.now() - started);
      const post = plainPost(peer, {
        title: `Plain post ${i}`,
        content: await sentHtml(created.id),
        excerpt: 'What happened, in a sentence.',
      });
      started = performance.now();
      await post();
      plain.push(performance.now() - started);
    }

    const many = await Promise.all(Array.from({ length: batch }, (_, i) => story(`batch ${i}`)));
    const html = await sentHtml((await story('html')).id).catch(() => null);
    let started = performance.now();
    for (const created of many) await kit.call('publish:start', { storyId: created.id, targetId: target.id });
    await kit.runDue();
    const batchMs = performance.now() - started;
    const states = await Promise.all(many.map((s) => kit.call('publish:status', { storyId: s.id })));
    const published = states.filter((s) => s.publications[0]?.state === 'published').length;
    if (published !== batch) throw new Error(`the batch published ${published} of ${batch}`);
    const content = html ?? (await sentHtml(many[0]!.id));
    started = performance.now();
    for (let i = 0; i < batch; i++)
      await plainPost(peer, {
        title: `Plain batch ${i}`,
        content,
        excerpt: 'What happened, in a sentence.',
      })();
    const plainBatchMs = performance.now() - started;

    return [
      {
        section: 'publish',
        name: `publish one ${WORDS}-word story to the local WordPress`,
        unit: 'ms',
        value: round(median(ours), 1),
        reference: { name: 'plain REST POST of the same HTML', value: round(median(plain), 1) },
        goal: { ratio: 1.2 },
        detail: { rounds },
      },
      {
        section: 'publish',
        name: `publish ${batch} stories in one batch`,
        unit: 'ms',
        value: round(batchMs, 0),
        reference: { name: `${batch} plain REST POSTs, one after another`, value: round(plainBatchMs, 0) },
        goal: { ratio: 1.2 },
        detail: { perStory: round(batchMs / batch, 1) },
      },
    ];
  } finally {
    kit.dispose();
    await peer.stop();
  }
}
