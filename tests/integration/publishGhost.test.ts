import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireGhost, startGhost, type GhostPeer } from '../peers/ghost';
import { importImage, publishingCore, publishSteps, startProxy, type PublishingCore } from './publishTestKit';

const hasGhost = requireGhost();

interface GhostPost {
  id: string;
  slug: string;
  status: string;
  url: string;
  title: string;
  html: string;
  custom_excerpt: string | null;
  feature_image: string | null;
  published_at: string | null;
  updated_at: string;
  tags: { id: string; name: string }[];
  primary_tag: { name: string } | null;
}

const isPost = (url: string) => /\/ghost\/api\/admin\/posts\/(\?|$)/.test(url);
const isUpload = (url: string) => url.startsWith('/ghost/api/admin/images/upload/');

describe.skipIf(!hasGhost)('publishing to a real Ghost', () => {
  let peer: GhostPeer;
  let kit: PublishingCore;

  const postsWithSlug = async (slug: string): Promise<GhostPost[]> => {
    const { status, body: found } = await peer.admin<{ posts: GhostPost[] }>(
      'GET',
      `/posts/?filter=${encodeURIComponent(`slug:'${slug}'`)}&formats=html&include=tags&limit=all`,
    );
    expect(status).toBe(200);
    return found.posts;
  };
  const { unique, story, edit, publish, jobOf } = publishSteps(() => kit);

  const addSite = async (url = peer.url, adminKey = peer.adminKey) =>
    kit.call('targets:save', { kind: 'ghost', url, adminKey });

  beforeAll(async () => {
    peer = await startGhost();
    console.info(`ghost peer started in ${peer.startMs} ms`);
  }, 300_000);
  afterAll(async () => {
    await peer?.stop();
  });
  beforeEach(async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
  });
  afterEach(() => kit.dispose());

  it('tests the connection: site title and the right to publish; the key is never returned', async () => {
    const report = await kit.call('targets:test', { kind: 'ghost', url: peer.url, adminKey: peer.adminKey });
    expect(report).toEqual({
      siteName: peer.siteTitle,
      userName: '',
      canPublish: true,
      restBase: `${peer.url}/ghost/api/admin`,
    });
    const target = await addSite();
    expect(target).toMatchObject({ kind: 'ghost', url: peer.url, hasSecret: true });
    expect(JSON.stringify(await kit.call('targets:list', {}))).not.toContain(peer.adminKey.split(':')[1]);
    // The stored key is used for the site it was saved for.
    expect(await kit.call('targets:test', { kind: 'ghost', id: target.id, url: peer.url })).toMatchObject({
      canPublish: true,
    });

    // A staff user's token acts as that user: the report names them and their role decides.
    expect(
      await kit.call('targets:test', { kind: 'ghost', url: peer.url, adminKey: peer.staffKey }),
    ).toMatchObject({
      userName: peer.ownerName,
      canPublish: true,
    });

    const [id] = peer.adminKey.split(':');
    const refused = await kit.refuse('targets:test', {
      kind: 'ghost',
      url: peer.url,
      adminKey: `${id}:${'ab'.repeat(32)}`,
    });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/Ghost did not accept the Admin API key/);
    const malformed = await kit.refuse('targets:save', {
      kind: 'ghost',
      url: peer.url,
      adminKey: 'not-a-key',
    });
    expect(malformed.code).toBe('invalid-input');
    expect(malformed.message).toMatch(/Admin API key/);
  });

  it('publishes one post with title, HTML, excerpt, slug, section as primary tag, tags and images, then updates the same post', async () => {
    const target = await addSite();
    const image = await importImage(kit, 11);
    const headline = unique('Council approves budget');
    const created = await story(headline, { figure: image }, ['Budget', 'City Hall']);
    await edit(created.id, { featuredImage: image });
    const steps: string[] = [];
    const off = kit.core.events.on('publish:progress', (job) =>
      steps.push(`${job.progress.step}:${job.progress.done ?? ''}/${job.progress.total ?? ''}`),
    );
    const job = await publish(created.id, target.id);
    off();
    expect(job.state, job.lastError ?? '').toBe('done');
    expect(steps).toEqual(
      expect.arrayContaining(['render:/', 'images:0/1', 'images:1/1', 'send:/', 'done:/']),
    );

    const [post, ...others] = await postsWithSlug(created.slug);
    expect(others).toHaveLength(0);
    expect(post).toMatchObject({
      status: 'published',
      title: headline,
      custom_excerpt: `What happened: ${headline}`,
      slug: created.slug,
      url: job.resultUrl,
    });
    expect(post!.html).toContain(`The council voted on ${headline}.`);
    expect(post!.html).not.toContain('media/');
    expect(post!.feature_image).toMatch(new RegExp(`^${peer.url}/content/images/.+\\.png$`));
    expect(post!.html).toContain(`src="${post!.feature_image}"`);
    expect(post!.tags.map((tag) => tag.name)).toEqual(['Politics', 'Budget', 'City Hall']);
    expect(post!.primary_tag?.name).toBe('Politics');
    expect((await fetch(post!.feature_image!)).status).toBe(200);

    expect((await kit.call('publish:status', { storyId: created.id })).publications[0]).toMatchObject({
      state: 'published',
      remoteId: post!.id,
      remoteModified: post!.updated_at,
      changedSince: false,
    });
    expect((await kit.call('stories:get', { id: created.id })).status).toBe('published');

    await edit(created.id, { headline: `${headline} (updated)` });
    const update = await publish(created.id, target.id);
    expect(update, update.lastError ?? '').toMatchObject({ state: 'done', action: 'update' });
    const after = await postsWithSlug(created.slug);
    expect(after.map((one) => [one.id, one.title])).toEqual([[post!.id, `${headline} (updated)`]]);

    const newSlug = `${created.slug}-moved`;
    await edit(created.id, { slug: newSlug });
    expect((await publish(created.id, target.id)).state).toBe('done');
    expect(await postsWithSlug(created.slug)).toHaveLength(0);
    expect((await postsWithSlug(newSlug)).map((moved) => moved.id)).toEqual([post!.id]);
  });

  it('creates tags and uploads images once across stories', async () => {
    const uploads: string[] = [];
    const proxy = await startProxy(peer.url, (req) => {
      if (req.method === 'POST' && isUpload(req.url ?? '')) uploads.push(req.url ?? '');
      return 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      const image = await importImage(kit, 12);
      const tag = unique('Transport');
      const first = await story(unique('Trams return'), { figure: image }, [tag]);
      const second = await story(unique('Buses cut'), { figure: image }, [tag.toLowerCase()]);
      expect((await publish(first.id, target.id)).state).toBe('done');
      expect((await publish(second.id, target.id)).state).toBe('done');
      const [a] = await postsWithSlug(first.slug);
      const [b] = await postsWithSlug(second.slug);
      expect(a!.tags.map((t) => t.id)).toEqual(b!.tags.map((t) => t.id));
      const { body: tags } = await peer.admin<{ tags: unknown[] }>(
        'GET',
        `/tags/?filter=${encodeURIComponent(`name:'${tag}'`)}&limit=all`,
      );
      expect(tags.tags).toHaveLength(1);
      const src = (html: string) => /<img src="([^"]+)"/.exec(html)![1];
      expect(src(b!.html)).toBe(src(a!.html));
      expect(uploads).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('points an internal link and an ALSO READ block at the linked story on Ghost, and blocks until it is published there', async () => {
    const target = await addSite();
    const earlier = await story(unique('Mayor resigns'));
    const later = await story(unique('Race to succeed mayor'), {
      linkTo: { storyId: earlier.id, headline: earlier.headline },
    });
    const preflight = await kit.call('publish:preflight', { storyId: later.id, targetId: target.id });
    expect(preflight.items).toContainEqual(
      expect.objectContaining({ level: 'blocker', code: 'unpublished-link' }),
    );

    const first = await publish(earlier.id, target.id);
    expect(first.resultUrl).toMatch(new RegExp(`^${peer.url}/`));
    const second = await publish(later.id, target.id);
    expect(second.state, second.lastError ?? '').toBe('done');
    const [post] = await postsWithSlug(later.slug);
    expect(post!.html).toMatch(new RegExp(`<a [^>]*href="${first.resultUrl}"[^>]*>the earlier story</a>`));
    expect(post!.html).toMatch(
      new RegExp(`ALSO READ: <a [^>]*href="${first.resultUrl}"[^>]*>${earlier.headline}</a>`),
    );
  });

  it('schedules a post (scheduled + published_at), keeps the time on update, and unpublishes one back to draft', async () => {
    const target = await addSite();
    const scheduled = await story(unique('Budget vote next week'));
    const job = await publish(scheduled.id, target.id, {
      action: 'schedule',
      at: '2031-05-04T10:30:00.000Z',
    });
    expect(job.state, job.lastError ?? '').toBe('done');
    const [future] = await postsWithSlug(scheduled.slug);
    expect(future).toMatchObject({ status: 'scheduled', published_at: '2031-05-04T10:30:00.000Z' });

    await edit(scheduled.id, { standfirst: 'Revised before it goes out' });
    const update = await publish(scheduled.id, target.id);
    expect(update, update.lastError ?? '').toMatchObject({ state: 'done', action: 'update' });
    const [updated] = await postsWithSlug(scheduled.slug);
    expect(updated).toMatchObject({
      id: future!.id,
      status: 'scheduled',
      published_at: '2031-05-04T10:30:00.000Z',
      custom_excerpt: 'Revised before it goes out',
    });
    expect((await kit.call('publish:status', { storyId: scheduled.id })).publications[0]).toMatchObject({
      state: 'scheduled',
      scheduledFor: '2031-05-04T10:30:00.000Z',
    });

    const live = await story(unique('Recall petition'));
    expect((await publish(live.id, target.id)).state).toBe('done');
    const off = await publish(live.id, target.id, { action: 'unpublish' });
    expect(off.state, off.lastError ?? '').toBe('done');
    const [draft, ...more] = await postsWithSlug(live.slug);
    expect(more).toHaveLength(0);
    expect(draft!.status).toBe('draft');
    expect((await kit.call('publish:status', { storyId: live.id })).publications[0]!.state).toBe(
      'unpublished',
    );

    // Publishing it again brings the same post back.
    expect((await publish(live.id, target.id)).state).toBe('done');
    expect((await postsWithSlug(live.slug)).map((one) => [one.id, one.status])).toEqual([
      [draft!.id, 'published'],
    ]);
  });

  it('waits while Ghost is stopped mid-job, survives an app restart, and sends exactly one post when it is back', async () => {
    const image = await importImage(kit, 13);
    let down = false;
    const proxy = await startProxy(peer.url, async (req) => {
      if (!down && req.method === 'POST' && isPost(req.url ?? '')) {
        down = true;
        await peer.pause();
      }
      return 'forward' as const;
    });
    try {
      const target = await addSite(proxy.url);
      const created = await story(unique('Storm closes port'), { figure: image });
      const waiting = await publish(created.id, target.id);
      expect(waiting).toMatchObject({ state: 'waiting', errorKind: 'network', attempts: 1 });
      expect(waiting.lastError).toMatch(/Could not reach/);
      expect(await kit.runDue()).toBe(0);

      kit.restart();
      await peer.resume();
      expect(await postsWithSlug(created.slug)).toHaveLength(0);
      kit.tick(60_000);
      expect(await kit.runDue()).toBe(1);
      expect(await jobOf(waiting.id, created.id)).toMatchObject({ state: 'done', attempts: 2 });
      const posts = await postsWithSlug(created.slug);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.feature_image ?? posts[0]!.html).toContain('/content/images/');
    } finally {
      await peer.resume();
      await proxy.close();
    }
  }, 180_000);

  it('never duplicates a post when the answer to its creation or to an update is lost', async () => {
    let drop: 'POST' | 'PUT' | null = null;
    const proxy = await startProxy(peer.url, (req) => {
      if (drop && req.method === drop && /\/ghost\/api\/admin\/posts\//.test(req.url ?? '')) {
        drop = null;
        return 'drop-response';
      }
      return 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      const image = await importImage(kit, 15);
      const earlier = await story(unique('Bridge closed'));
      expect((await publish(earlier.id, target.id)).state).toBe('done');
      const created = await story(unique('Bridge reopens'), {
        figure: image,
        linkTo: { storyId: earlier.id, headline: earlier.headline },
      });
      drop = 'POST';
      const waiting = await publish(created.id, target.id);
      expect(waiting.state).toBe('waiting');
      expect(await postsWithSlug(created.slug)).toHaveLength(1);

      kit.tick(60_000);
      await kit.runDue();
      const done = await jobOf(waiting.id, created.id);
      expect(done.state, done.lastError ?? '').toBe('done');
      const posts = await postsWithSlug(created.slug);
      expect(posts).toHaveLength(1);
      expect((await kit.call('publish:status', { storyId: created.id })).publications[0]!.remoteId).toBe(
        posts[0]!.id,
      );

      // A lost answer to an update leaves Ghost's updated_at ahead of the stored one: that is no edit on the site.
      await sleep(1_100);
      await edit(created.id, { headline: `${created.headline} (corrected)` });
      drop = 'PUT';
      const lost = await publish(created.id, target.id);
      expect(lost.state).toBe('waiting');
      kit.tick(60_000);
      await kit.runDue();
      expect(await jobOf(lost.id, created.id), 'no conflict with its own update').toMatchObject({
        state: 'done',
      });
      expect((await postsWithSlug(created.slug)).map((one) => one.title)).toEqual([
        `${created.headline} (corrected)`,
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('never uploads an image twice when the answer to its upload is lost', async () => {
    const uploads: string[] = [];
    const proxy = await startProxy(peer.url, (req) => {
      if (req.method !== 'POST' || !isUpload(req.url ?? '')) return 'forward';
      uploads.push(req.url ?? '');
      return uploads.length === 1 ? 'drop-response' : 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      const image = await importImage(kit, 14);
      const created = await story(unique('Harbour crane collapses'), { figure: image });
      await edit(created.id, { featuredImage: image });
      const waiting = await publish(created.id, target.id);
      expect(waiting).toMatchObject({ state: 'waiting', errorKind: 'network' });
      expect(await postsWithSlug(created.slug)).toHaveLength(0);

      kit.tick(60_000);
      await kit.runDue();
      const done = await jobOf(waiting.id, created.id);
      expect(done.state, done.lastError ?? '').toBe('done');
      expect(uploads).toHaveLength(1);
      const [post] = await postsWithSlug(created.slug);
      const hashName = image.slice('media/'.length, 'media/'.length + 16);
      expect(post!.feature_image).toMatch(
        new RegExp(`/content/images/\\d{4}/\\d{2}/copydesk-${hashName}\\.png$`),
      );
      expect(post!.html).toContain(`src="${post!.feature_image}"`);
    } finally {
      await proxy.close();
    }
  });

  it('pauses the job with a clear message on a wrong key, and sends it once the key is fixed', async () => {
    const [id] = peer.adminKey.split(':');
    const target = await addSite(peer.url, `${id}:${'cd'.repeat(32)}`);
    const created = await story(unique('Wrong key story'));
    const paused = await publish(created.id, target.id);
    expect(paused).toMatchObject({ state: 'paused', errorKind: 'auth' });
    expect(paused.lastError).toMatch(/Ghost did not accept the Admin API key/);
    expect(await postsWithSlug(created.slug)).toHaveLength(0);
    kit.tick(3_600_000);
    expect(await kit.runDue()).toBe(0);

    await kit.call('targets:save', { id: target.id, kind: 'ghost', url: peer.url, adminKey: peer.adminKey });
    await kit.call('publish:retry', { id: paused.id });
    await kit.runDue();
    expect((await jobOf(paused.id, created.id)).state).toBe('done');
    expect(await postsWithSlug(created.slug)).toHaveLength(1);
  });

  it('detects an edit made in Ghost (409 UPDATE_COLLISION), says what changed, and overwrites it only when asked', async () => {
    const target = await addSite();
    const created = await story(unique('Edited on the site'), {}, ['Harbour']);
    expect((await publish(created.id, target.id)).state).toBe('done');
    const [post] = await postsWithSlug(created.slug);
    // Ghost's updated_at has one-second resolution: an edit in the same second would not be seen.
    await sleep(1_100);
    // As Ghost Admin saves: the owner's own token, keeping a revision.
    const edited = await peer.admin(
      'PUT',
      `/posts/${post!.id}/?save_revision=1`,
      {
        posts: [
          { title: 'Changed by the web desk', tags: [{ name: 'Politics' }], updated_at: post!.updated_at },
        ],
      },
      peer.staffKey,
    );
    expect(edited.status).toBe(200);

    await edit(created.id, { standfirst: 'A fresh standfirst from the desk' });
    const conflict = await publish(created.id, target.id);
    expect(conflict).toMatchObject({ state: 'paused', errorKind: 'conflict' });
    expect(conflict.lastError).toMatch(
      new RegExp(
        `edited on the site by ${peer.ownerName} \\(.* UTC\\).*: headline, tags changed\\. Overwrite it\\?`,
      ),
    );
    const [untouched] = await postsWithSlug(created.slug);
    expect(untouched).toMatchObject({
      title: 'Changed by the web desk',
      custom_excerpt: `What happened: ${created.headline}`,
    });

    await kit.call('publish:overwrite', { id: conflict.id });
    await kit.runDue();
    expect((await jobOf(conflict.id, created.id)).state).toBe('done');
    const [overwritten, ...others] = await postsWithSlug(created.slug);
    expect(others).toHaveLength(0);
    expect(overwritten).toMatchObject({
      id: post!.id,
      title: created.headline,
      custom_excerpt: 'A fresh standfirst from the desk',
    });
    expect(overwritten!.tags.map((tag) => tag.name)).toEqual(['Politics', 'Harbour']);

    // An edit that keeps every word but changes a link is still an edit on the site.
    await sleep(1_100);
    const linked = await peer.admin('PUT', `/posts/${post!.id}/?source=html`, {
      posts: [
        {
          html: `<p><a href="https://example.org/">The council voted on ${created.headline}.</a></p>`,
          updated_at: overwritten!.updated_at,
        },
      ],
    });
    expect(linked.status).toBe(200);
    const again = await publish(created.id, target.id);
    expect(again).toMatchObject({ state: 'paused', errorKind: 'conflict' });
    expect(again.lastError).toMatch(/its formatting or links changed\. Overwrite it\?/);
  });
});
