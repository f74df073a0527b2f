import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireWordPress, startWordPress, type WordPressPeer } from '../peers/wordpress';
import {
  body,
  importImage,
  publishingCore,
  publishSteps,
  startProxy,
  type PublishingCore,
} from './publishTestKit';

const hasWordPress = requireWordPress();

interface WpPost {
  id: number;
  slug: string;
  status: string;
  link: string;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  categories: number[];
  tags: number[];
  featured_media: number;
  modified_gmt: string;
}

describe.skipIf(!hasWordPress)('publishing to a real WordPress', () => {
  let peer: WordPressPeer;
  let kit: PublishingCore;

  const auth = () => ({
    authorization: `Basic ${Buffer.from(`${peer.user}:${peer.appPassword}`).toString('base64')}`,
  });
  const wp = async <T>(route: string, query: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(peer.restUrl(route, query), { headers: auth() });
    expect(response.status, `${route}: ${response.status}`).toBe(200);
    return (await response.json()) as T;
  };
  const postsWithSlug = (slug: string) =>
    wp<WpPost[]>('/wp/v2/posts', { slug, status: 'any', context: 'edit' });
  const { unique, story, publish, jobOf } = publishSteps(() => kit);

  const addSite = async (url = peer.url, password = peer.appPassword) =>
    kit.call('targets:save', { kind: 'wordpress', url, userName: peer.user, password });

  beforeAll(async () => {
    peer = await startWordPress();
  });
  afterAll(async () => {
    await peer?.stop();
  });
  beforeEach(async () => {
    kit = publishingCore();
    await kit.call('settings:update', { requireApproval: false });
  });
  afterEach(() => kit.dispose());

  it('tests the connection: site name, user and the right to publish; the password is never returned', async () => {
    const report = await kit.call('targets:test', {
      url: peer.url,
      userName: peer.user,
      password: peer.appPassword,
    });
    expect(report).toEqual({
      siteName: 'Copydesk Test Site',
      userName: peer.user,
      canPublish: true,
      restBase: `${peer.url}/?rest_route=`,
    });
    const target = await addSite();
    expect(target).toMatchObject({ kind: 'wordpress', url: peer.url, userName: peer.user, hasSecret: true });
    const listed = JSON.stringify(await kit.call('targets:list', {}));
    expect(listed).not.toContain(peer.appPassword);
    expect(listed).not.toContain(peer.appPassword.replace(/ /g, ''));
    const refused = await kit.refuse('targets:test', {
      url: peer.url,
      userName: peer.user,
      password: 'abcd efgh ijkl mnop qrst uvwx',
    });
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/did not accept the user name or application password/);
  });

  it('publishes one post with title, content, excerpt, slug, category, tags and image, then updates the same post', async () => {
    const target = await addSite();
    const image = await importImage(kit, 1);
    const headline = unique('Council approves budget');
    const created = await story(headline, { figure: image }, ['Budget', 'City Hall']);
    const tagged = await kit.call('stories:get', { id: created.id });
    await kit.call('stories:save', {
      id: created.id,
      expectedVersion: tagged.version,
      changes: { featuredImage: image },
    });
    const steps: string[] = [];
    const off = kit.core.events.on('publish:progress', (job) =>
      steps.push(`${job.progress.step}:${job.progress.done ?? ''}/${job.progress.total ?? ''}`),
    );
    const job = await publish(created.id, target.id);
    off();
    expect(job.state, job.lastError ?? '').toBe('done');
    expect(steps).toEqual(
      expect.arrayContaining(['render:/', 'images:0/1', 'images:1/1', 'tags:2/2', 'send:/', 'done:/']),
    );

    const [post, ...others] = await postsWithSlug(created.slug);
    expect(others).toHaveLength(0);
    expect(post!.status).toBe('publish');
    expect(post!.title.raw).toBe(headline);
    expect(post!.excerpt.raw).toBe(`What happened: ${headline}`);
    expect(post!.content.raw).toContain(`<p>The council voted on ${headline}.</p>`);
    expect(post!.content.raw).not.toContain('media/');
    const media = await wp<{ id: number; source_url: string }>(`/wp/v2/media/${post!.featured_media}`);
    expect(post!.content.raw).toContain(`<img src="${media.source_url}"`);
    const [category] = await Promise.all(
      post!.categories.map((id) => wp<{ name: string }>(`/wp/v2/categories/${id}`)),
    );
    expect(category!.name).toBe('Politics');
    const tags = await Promise.all(post!.tags.map((id) => wp<{ name: string }>(`/wp/v2/tags/${id}`)));
    expect(tags.map((tag) => tag.name).sort()).toEqual(['Budget', 'City Hall']);
    expect(job.resultUrl).toBe(post!.link);

    const status = await kit.call('publish:status', { storyId: created.id });
    expect(status.publications[0]).toMatchObject({
      state: 'published',
      remoteId: String(post!.id),
      changedSince: false,
    });
    expect((await kit.call('stories:get', { id: created.id })).status).toBe('published');

    const current = await kit.call('stories:get', { id: created.id });
    await kit.call('stories:save', {
      id: created.id,
      expectedVersion: current.version,
      changes: { headline: `${headline} (updated)` },
    });
    expect((await kit.call('publish:status', { storyId: created.id })).publications[0]!.changedSince).toBe(
      true,
    );
    const preflight = await kit.call('publish:preflight', { storyId: created.id, targetId: target.id });
    expect(preflight.publication?.changedSince).toBe(true);
    const update = await publish(created.id, target.id);
    expect(update).toMatchObject({ state: 'done', action: 'update' });
    // The published URL stays: the slug no longer follows the headline.
    const renamed = await kit.call('stories:get', { id: created.id });
    expect(renamed).toMatchObject({ slug: created.slug, slugEdited: true });
    const after = await postsWithSlug(created.slug);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(post!.id);
    expect(after[0]!.title.raw).toBe(`${headline} (updated)`);

    // A deliberate slug edit still moves it.
    const newSlug = `${created.slug}-moved`;
    await kit.call('stories:save', {
      id: created.id,
      expectedVersion: renamed.version,
      changes: { slug: newSlug },
    });
    expect((await publish(created.id, target.id)).state).toBe('done');
    expect(await postsWithSlug(created.slug)).toHaveLength(0);
    expect((await postsWithSlug(newSlug)).map((moved) => moved.id)).toEqual([post!.id]);
  });

  it('creates a post in one request that asks back only the fields it reads and sends no empty tags or image; an update still takes them off', async () => {
    const sent: { method: string; url: URL; body: Record<string, unknown> | null }[] = [];
    kit.dispose();
    kit = publishingCore(undefined, {
      fetch: (url, init) => {
        const body =
          typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
        sent.push({ method: init?.method ?? 'GET', url: new URL(String(url)), body });
        return fetch(url, init);
      },
    });
    await kit.call('settings:update', { requireApproval: false });
    const writes = () =>
      sent.filter(
        ({ method, url }) =>
          method === 'POST' && url.searchParams.get('rest_route')?.startsWith('/wp/v2/posts'),
      );
    const target = await addSite();
    const plain = await story(unique('Library hours extended'));
    expect((await publish(plain.id, target.id)).state).toBe('done');
    const [create] = writes();
    expect(writes()).toHaveLength(1);
    expect(create!.url.searchParams.get('_fields')).toBe('id,link,slug,status,modified_gmt');
    expect(create!.body).not.toHaveProperty('tags');
    expect(create!.body).not.toHaveProperty('featured_media');
    const [post] = await postsWithSlug(plain.slug);
    expect(post).toMatchObject({ status: 'publish', tags: [], featured_media: 0 });
    expect((await kit.call('publish:status', { storyId: plain.id })).publications[0]).toMatchObject({
      remoteId: String(post!.id),
      remoteUrl: post!.link,
    });

    const image = await importImage(kit, 5);
    const tagged = await story(unique('Market moves'), { figure: image }, ['Trade']);
    const withImage = await kit.call('stories:get', { id: tagged.id });
    await kit.call('stories:save', {
      id: tagged.id,
      expectedVersion: withImage.version,
      changes: { featuredImage: image },
    });
    expect((await publish(tagged.id, target.id)).state).toBe('done');
    const [full] = await postsWithSlug(tagged.slug);
    expect(full!.tags).toHaveLength(1);
    expect(full!.featured_media).toBeGreaterThan(0);
    await kit.call('stories:setTags', { id: tagged.id, tags: [] });
    const current = await kit.call('stories:get', { id: tagged.id });
    await kit.call('stories:save', {
      id: tagged.id,
      expectedVersion: current.version,
      changes: { featuredImage: null, body: body('The market moved.') },
    });
    expect((await publish(tagged.id, target.id)).state).toBe('done');
    const [bare] = await postsWithSlug(tagged.slug);
    expect(bare).toMatchObject({ id: full!.id, tags: [], featured_media: 0 });
  });

  it('creates tags and uploads images once across stories', async () => {
    const target = await addSite();
    const image = await importImage(kit, 2);
    const tag = unique('Transport');
    const first = await story(unique('Trams return'), { figure: image }, [tag]);
    const second = await story(unique('Buses cut'), { figure: image }, [tag.toLowerCase()]);
    expect((await publish(first.id, target.id)).state).toBe('done');
    expect((await publish(second.id, target.id)).state).toBe('done');
    const [a] = await postsWithSlug(first.slug);
    const [b] = await postsWithSlug(second.slug);
    expect(a!.tags).toEqual(b!.tags);
    expect(await wp<unknown[]>('/wp/v2/tags', { search: tag })).toHaveLength(1);
    const image1 = /<img src="([^"]+)"/.exec(a!.content.raw)![1];
    expect(/<img src="([^"]+)"/.exec(b!.content.raw)![1]).toBe(image1);
    const hashName = image.slice('media/'.length, 'media/'.length + 16);
    expect(
      await peer.runPhp(
        `echo count(get_posts(['post_type' => 'attachment', 'post_status' => 'any', 'numberposts' => -1, 's' => '${hashName}']));`,
      ),
    ).toBe('1');
  });

  it('points an internal link and an ALSO READ block at the linked story on WordPress, and blocks until it is published there', async () => {
    const target = await addSite();
    const earlier = await story(unique('Mayor resigns'));
    const later = await story(unique('Race to succeed mayor'), {
      linkTo: { storyId: earlier.id, headline: earlier.headline },
    });
    const preflight = await kit.call('publish:preflight', { storyId: later.id, targetId: target.id });
    expect(preflight.items).toContainEqual(
      expect.objectContaining({ level: 'blocker', code: 'unpublished-link' }),
    );
    expect((await kit.refuse('publish:start', { storyId: later.id, targetId: target.id })).message).toContain(
      earlier.headline,
    );

    const first = await publish(earlier.id, target.id);
    const second = await publish(later.id, target.id);
    expect(second.state).toBe('done');
    const [post] = await postsWithSlug(later.slug);
    expect(post!.content.raw).toContain(
      `<a data-story-id="${earlier.id}" href="${first.resultUrl}">the earlier story</a>`,
    );
    expect(post!.content.raw).toContain(`ALSO READ: <a href="${first.resultUrl}">${earlier.headline}</a>`);
  });

  it('schedules a post for later (future) and unpublishes one back to draft', async () => {
    const target = await addSite();
    const scheduled = await story(unique('Budget vote next week'));
    const job = await publish(scheduled.id, target.id, {
      action: 'schedule',
      at: '2031-05-04T10:30:00.000Z',
    });
    expect(job.state, job.lastError ?? '').toBe('done');
    const [future] = await postsWithSlug(scheduled.slug);
    expect(future!.status).toBe('future');
    expect((await wp<{ date_gmt: string }>(`/wp/v2/posts/${future!.id}`, { context: 'edit' })).date_gmt).toBe(
      '2031-05-04T10:30:00',
    );

    // Updating the scheduled story keeps it scheduled at its time on the site and in Copydesk.
    const current = await kit.call('stories:get', { id: scheduled.id });
    await kit.call('stories:save', {
      id: scheduled.id,
      expectedVersion: current.version,
      changes: { standfirst: 'Revised before it goes out' },
    });
    const update = await publish(scheduled.id, target.id);
    expect(update, update.lastError ?? '').toMatchObject({ state: 'done', action: 'update' });
    const updated = await wp<{ status: string; date_gmt: string; excerpt: { raw: string } }>(
      `/wp/v2/posts/${future!.id}`,
      { context: 'edit' },
    );
    expect(updated).toMatchObject({
      status: 'future',
      date_gmt: '2031-05-04T10:30:00',
      excerpt: { raw: 'Revised before it goes out' },
    });
    expect((await kit.call('publish:status', { storyId: scheduled.id })).publications[0]).toMatchObject({
      state: 'scheduled',
      scheduledFor: '2031-05-04T10:30:00.000Z',
    });
    expect((await kit.call('stories:get', { id: scheduled.id })).status).not.toBe('published');

    // Once its time has passed and the worker has run, it counts as published: linked stories may go out.
    const follow = await story(unique('After the budget vote'), {
      linkTo: { storyId: scheduled.id, headline: scheduled.headline },
    });
    const blockers = async () =>
      (await kit.call('publish:preflight', { storyId: follow.id, targetId: target.id })).items
        .filter((item) => item.level === 'blocker')
        .map((item) => item.code);
    expect(await blockers()).toEqual(['unpublished-link']);
    kit.tick(Date.parse('2031-05-04T10:31:00Z') - Date.parse('2026-03-01T09:00:00Z'));
    // Reading never writes: pre-flight and status leave the publication as it is until the worker runs.
    expect(await blockers()).toEqual(['unpublished-link']);
    expect((await kit.call('publish:status', { storyId: scheduled.id })).publications[0]!.state).toBe(
      'scheduled',
    );
    await kit.runDue();
    expect(await blockers()).toEqual([]);
    expect((await kit.call('publish:status', { storyId: scheduled.id })).publications[0]).toMatchObject({
      state: 'published',
      publishedAt: '2031-05-04T10:30:00.000Z',
      changedSince: false,
    });
    expect(await kit.call('stories:get', { id: scheduled.id })).toMatchObject({
      status: 'published',
      slugEdited: true,
    });

    const live = await story(unique('Recall petition'));
    expect((await publish(live.id, target.id)).state).toBe('done');
    const off = await publish(live.id, target.id, { action: 'unpublish' });
    expect(off.state).toBe('done');
    const [draft] = await postsWithSlug(live.slug);
    expect(draft!.status).toBe('draft');
    expect((await kit.call('publish:status', { storyId: live.id })).publications[0]!.state).toBe(
      'unpublished',
    );
  });

  it("makes a scheduled story published when the running worker's timer reaches its time", async () => {
    kit.dispose();
    kit = publishingCore(new Date('2026-03-01T09:00:00Z'), { startWorker: true });
    await kit.call('settings:update', { requireApproval: false });
    const target = await addSite();
    const scheduled = await story(unique('Harbour opening at noon'));
    const job = await kit.call('publish:start', {
      storyId: scheduled.id,
      targetId: target.id,
      action: 'schedule',
      at: '2026-03-01T12:00:00.000Z',
    });
    await expect
      .poll(async () => (await jobOf(job.id, scheduled.id)).state, { timeout: 20_000 })
      .toBe('done');
    const publication = async () =>
      (await kit.call('publish:status', { storyId: scheduled.id })).publications[0];
    await expect.poll(() => kit.clock.pendingTimers).toBe(1);

    kit.tick(2 * 3_600_000 + 59 * 60_000);
    expect(await publication()).toMatchObject({ state: 'scheduled' });
    expect((await kit.call('stories:get', { id: scheduled.id })).status).not.toBe('published');

    kit.tick(60_000);
    expect(await publication()).toMatchObject({
      state: 'published',
      publishedAt: '2026-03-01T12:00:00.000Z',
    });
    expect((await kit.call('stories:get', { id: scheduled.id })).status).toBe('published');
  });

  it('waits while the site is down mid-job, survives a restart, and sends exactly one post when it is back', async () => {
    const image = await importImage(kit, 3);
    let down = false;
    const proxy = await startProxy(peer.url, async (req) => {
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('rest_route');
      if (!down && req.method === 'POST' && route === '/wp/v2/posts') {
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
      expect(waiting.lastError).toMatch(/Could not reach|unavailable/);
      expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThan(Date.parse(waiting.updatedAt));
      expect(await kit.runDue()).toBe(0);

      kit.restart();
      await peer.resume();
      expect(await postsWithSlug(created.slug)).toHaveLength(0);
      kit.tick(60_000);
      expect(await kit.runDue()).toBe(1);
      const done = await jobOf(waiting.id, created.id);
      expect(done).toMatchObject({ state: 'done', attempts: 2 });
      expect(await postsWithSlug(created.slug)).toHaveLength(1);
    } finally {
      await peer.resume();
      await proxy.close();
    }
  });

  it('finds the REST API once per site, not again at every publish', async () => {
    const proxy = await startProxy(peer.url, () => 'forward');
    const discovery = () =>
      proxy.seen.filter(
        ({ url }) =>
          url.startsWith('/wp-json') || new URL(url, 'http://x').searchParams.get('rest_route') === '/',
      );
    try {
      const target = await addSite(proxy.url);
      expect((await publish((await story(unique('Ferry strike'))).id, target.id)).state).toBe('done');
      const first = discovery().length;
      expect(first).toBeGreaterThan(0);
      for (const headline of [unique('Ferry strike ends'), unique('Ferry timetable')])
        expect((await publish((await story(headline)).id, target.id)).state).toBe('done');
      expect(discovery()).toHaveLength(first);
    } finally {
      await proxy.close();
    }
  });

  it('never duplicates a post when the response to its creation is lost', async () => {
    let dropped = 0;
    const proxy = await startProxy(peer.url, (req) => {
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('rest_route');
      if (dropped === 0 && req.method === 'POST' && route === '/wp/v2/posts') {
        dropped++;
        return 'drop-response';
      }
      return 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      const created = await story(unique('Bridge reopens'));
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
        String(posts[0]!.id),
      );
    } finally {
      await proxy.close();
    }
  });

  it('publishes exactly once when the app dies after the post reached the site and before its answer was stored', async () => {
    let crashed = false;
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    kit.dispose();
    kit = publishingCore(undefined, {
      fetch: async (url, init) => {
        const answer = await fetch(url, init);
        const route = new URL(String(url)).searchParams.get('rest_route');
        if (!crashed && init?.method === 'POST' && route === '/wp/v2/posts') {
          crashed = true;
          died();
          // The process is gone: the post exists on the site, the job is still claimed.
          return new Promise<Response>(() => undefined);
        }
        return answer;
      },
    });
    await kit.call('settings:update', { requireApproval: false });
    const target = await addSite();
    const headline = unique('Tram line opens');
    // By title: a second post would get another slug.
    const postsTitled = () =>
      wp<WpPost[]>('/wp/v2/posts', { search: headline, status: 'any', context: 'edit' });
    const created = await story(headline);
    const job = await kit.call('publish:start', { storyId: created.id, targetId: target.id });
    void kit.runDue();
    await dead;
    expect(await postsTitled()).toHaveLength(1);

    kit.restart();
    expect(await jobOf(job.id, created.id)).toMatchObject({ state: 'waiting', attempts: 1 });
    kit.tick(60_000);
    await kit.runDue();
    expect(await jobOf(job.id, created.id)).toMatchObject({ state: 'done', attempts: 2 });
    const posts = await postsTitled();
    expect(posts).toHaveLength(1);
    expect((await kit.call('publish:status', { storyId: created.id })).publications[0]).toMatchObject({
      state: 'published',
      remoteId: String(posts[0]!.id),
      remoteUrl: posts[0]!.link,
    });
  });

  it('never duplicates an image when the response to its upload is lost', async () => {
    const mediaPosts = (proxy: { seen: { method: string; url: string }[] }) =>
      proxy.seen.filter(
        (request) =>
          request.method === 'POST' &&
          new URL(request.url, 'http://x').searchParams.get('rest_route') === '/wp/v2/media',
      );
    let dropped = 0;
    const proxy = await startProxy(peer.url, (req) => {
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('rest_route');
      if (dropped === 0 && req.method === 'POST' && route === '/wp/v2/media') {
        dropped++;
        return 'drop-response';
      }
      return 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      const image = await importImage(kit, 4);
      const hashName = image.slice('media/'.length, 'media/'.length + 16);
      const attachments = async () =>
        (
          await peer.runPhp(
            `echo implode(',', get_posts(['post_type' => 'attachment', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids', 's' => '${hashName}']));`,
          )
        )
          .split(',')
          .filter(Boolean)
          .map(Number);
      const created = await story(unique('Harbour crane collapses'), { figure: image });
      const current = await kit.call('stories:get', { id: created.id });
      await kit.call('stories:save', {
        id: created.id,
        expectedVersion: current.version,
        changes: { featuredImage: image },
      });

      const waiting = await publish(created.id, target.id);
      expect(waiting).toMatchObject({ state: 'waiting', errorKind: 'network' });
      expect(await attachments()).toHaveLength(1);
      expect(await postsWithSlug(created.slug)).toHaveLength(0);

      kit.tick(60_000);
      await kit.runDue();
      const done = await jobOf(waiting.id, created.id);
      expect(done.state, done.lastError ?? '').toBe('done');
      const [only, ...others] = await attachments();
      expect(others).toHaveLength(0);
      expect(mediaPosts(proxy)).toHaveLength(1);
      const [post] = await postsWithSlug(created.slug);
      expect(post!.featured_media).toBe(only);
      const media = await wp<{ source_url: string }>(`/wp/v2/media/${only}`);
      expect(post!.content.raw).toContain(`<img src="${media.source_url}"`);
    } finally {
      await proxy.close();
    }
  });

  it('pauses the job with the site’s own message on a wrong password, and sends it once the password is fixed', async () => {
    const target = await addSite(peer.url, 'abcd efgh ijkl mnop qrst uvwx');
    const created = await story(unique('Wrong password story'));
    const paused = await publish(created.id, target.id);
    expect(paused).toMatchObject({ state: 'paused', errorKind: 'auth' });
    expect(paused.lastError).toMatch(/did not accept the user name or application password/);
    expect(await postsWithSlug(created.slug)).toHaveLength(0);
    kit.tick(3_600_000);
    expect(await kit.runDue()).toBe(0);

    await kit.call('targets:save', {
      id: target.id,
      kind: 'wordpress',
      url: peer.url,
      userName: peer.user,
      password: peer.appPassword,
    });
    await kit.call('publish:retry', { id: paused.id });
    await kit.runDue();
    expect((await jobOf(paused.id, created.id)).state).toBe('done');
    expect(await postsWithSlug(created.slug)).toHaveLength(1);
  });

  it('retries 503 and 429 answers with growing delays, then sends', async () => {
    const answers = [503, 429];
    const proxy = await startProxy(peer.url, (req) => {
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('rest_route');
      return req.method === 'POST' && route === '/wp/v2/posts' && answers.length
        ? answers.shift()!
        : 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      const created = await story(unique('Flood warning'));
      const first = await publish(created.id, target.id);
      expect(first).toMatchObject({ state: 'waiting', errorKind: 'network', attempts: 1 });
      expect(first.lastError).toContain('Proxy answered 503');
      const firstDelay = Date.parse(first.nextAttemptAt) - Date.parse(first.updatedAt);
      kit.tick(firstDelay);
      await kit.runDue();
      const second = await jobOf(first.id, created.id);
      expect(second).toMatchObject({ state: 'waiting', attempts: 2 });
      expect(second.lastError).toContain('Proxy answered 429');
      expect(Date.parse(second.nextAttemptAt) - Date.parse(second.updatedAt)).toBeGreaterThanOrEqual(2_000);
      kit.tick(600_000);
      await kit.runDue();
      expect(await jobOf(first.id, created.id)).toMatchObject({ state: 'done', attempts: 3 });
      expect(await postsWithSlug(created.slug)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('stops a job the site refuses (a contributor may not publish) with the site’s own message', async () => {
    const password = (
      await peer.runPhp(
        `$id = wp_insert_user(['user_login' => 'contrib', 'user_pass' => wp_generate_password(), 'role' => 'contributor']); echo WP_Application_Passwords::create_new_application_password($id, ['name' => 'copydesk'])[0];`,
      )
    ).trim();
    const report = await kit.call('targets:test', { url: peer.url, userName: 'contrib', password });
    expect(report).toMatchObject({ userName: 'contrib', canPublish: false });
    const target = await kit.call('targets:save', {
      kind: 'wordpress',
      url: peer.url,
      userName: 'contrib',
      password,
    });
    const created = await story(unique('Contributor story'));
    const failed = await publish(created.id, target.id);
    expect(failed).toMatchObject({ state: 'failed', errorKind: 'rejected', attempts: 1 });
    expect(failed.lastError).toMatch(/not allowed/i);
    kit.tick(3_600_000);
    expect(await kit.runDue()).toBe(0);
  });

  it('finds the REST API under /wp-json on a site with pretty permalinks', async () => {
    const pretty = await startWordPress({ prettyPermalinks: true });
    try {
      const report = await kit.call('targets:test', {
        url: `${pretty.url}/`,
        userName: pretty.user,
        password: pretty.appPassword,
      });
      expect(report.restBase).toBe(`${pretty.url}/wp-json`);
      const target = await kit.call('targets:save', {
        kind: 'wordpress',
        url: pretty.url,
        userName: pretty.user,
        password: pretty.appPassword,
      });
      const created = await story(unique('Pretty permalinks'));
      const job = await publish(created.id, target.id);
      expect(job.state, job.lastError ?? '').toBe('done');
      expect(job.resultUrl).toBe(`${pretty.url}/${created.slug}/`);
    } finally {
      await pretty.stop();
    }
  });

  it('sends no password to the address a site redirects to; the user saves that address explicitly', async () => {
    const redirector = await startProxy(peer.url, () => 'redirect');
    try {
      const refused = await kit.refuse('targets:test', {
        url: redirector.url,
        userName: peer.user,
        password: peer.appPassword,
      });
      expect(refused).toMatchObject({ code: 'forbidden', details: { movedTo: peer.url } });
      expect(refused.message).toContain(`redirects to ${peer.url}`);
      expect(redirector.seen.length).toBeGreaterThan(0);
      expect(redirector.seen.filter((request) => request.authorized)).toEqual([]);

      const moved = await addSite(redirector.url);
      const created = await story(unique('Moved site'));
      const job = await publish(created.id, moved.id);
      expect(job).toMatchObject({ state: 'failed', errorKind: 'invalid' });
      expect(await postsWithSlug(created.slug)).toHaveLength(0);
      expect(redirector.seen.filter((request) => request.authorized)).toEqual([]);

      const target = await addSite(refused.details!.movedTo as string);
      const job2 = await publish(created.id, target.id);
      expect(job2.state, job2.lastError ?? '').toBe('done');
      expect(await postsWithSlug(created.slug)).toHaveLength(1);
    } finally {
      await redirector.close();
    }
  });

  it('stops a write that is redirected or answered with something that is not a post, storing nothing', async () => {
    let answer: 'redirect' | 200 = 'redirect';
    const proxy = await startProxy(peer.url, (req) => {
      const route = new URL(req.url ?? '/', 'http://x').searchParams.get('rest_route');
      return req.method === 'POST' && route === '/wp/v2/posts' ? answer : 'forward';
    });
    try {
      const target = await addSite(proxy.url);
      for (const [mode, message] of [
        ['redirect', /redirected POST \/wp\/v2\/posts/],
        [200, /not a WordPress object/],
      ] as const) {
        answer = mode;
        const created = await story(unique(`Lost write ${mode}`));
        const job = await publish(created.id, target.id);
        expect(job).toMatchObject({ state: 'failed', errorKind: 'invalid', resultUrl: null });
        expect(job.lastError).toMatch(message);
        expect((await kit.call('publish:status', { storyId: created.id })).publications).toEqual([]);
        expect(await postsWithSlug(created.slug)).toHaveLength(0);
      }
    } finally {
      await proxy.close();
    }
  });

  it('detects an edit made on the site and overwrites it only when asked', async () => {
    const target = await addSite();
    const created = await story(unique('Edited on the site'));
    expect((await publish(created.id, target.id)).state).toBe('done');
    const [post] = await postsWithSlug(created.slug);
    await peer.runPhp(
      `wp_update_post(['ID' => ${post!.id}, 'post_title' => 'Changed by the web desk']); global $wpdb; $wpdb->update($wpdb->posts, ['post_modified_gmt' => '2031-02-03 04:05:06', 'post_modified' => '2031-02-03 04:05:06'], ['ID' => ${post!.id}]); clean_post_cache(${post!.id});`,
    );

    const conflict = await publish(created.id, target.id);
    expect(conflict).toMatchObject({ state: 'paused', errorKind: 'conflict' });
    expect(conflict.lastError).toMatch(/edited on the site.*Overwrite/);
    expect((await postsWithSlug(created.slug))[0]!.title.raw).toBe('Changed by the web desk');

    await kit.call('publish:overwrite', { id: conflict.id });
    await kit.runDue();
    expect((await jobOf(conflict.id, created.id)).state).toBe('done');
    const [overwritten] = await postsWithSlug(created.slug);
    expect(overwritten!.title.raw).toBe(created.headline);
    expect(overwritten!.id).toBe(post!.id);
  });
});
