import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { png } from '../support/png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireWordPress, startWordPress, type WordPressPeer } from './wordpress';

const hasWordPress = requireWordPress();

function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function authHeaders(peer: WordPressPeer): Record<string, string> {
  return { authorization: basicAuth(peer.user, peer.appPassword) };
}

async function createPost(peer: WordPressPeer, title: string): Promise<{ id: number; status: string }> {
  const response = await fetch(`${peer.restBase}/wp/v2/posts`, {
    method: 'POST',
    headers: { ...authHeaders(peer), 'content-type': 'application/json' },
    body: JSON.stringify({ title, content: `<p>Body of ${title}</p>`, status: 'publish' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: number; status: string };
}

async function connectionError(url: string): Promise<string | undefined> {
  try {
    await fetch(url);
    return undefined;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause ?? {}).code;
  }
}

describe.skipIf(!hasWordPress)('WordPress peer', () => {
  let peer: WordPressPeer;
  let pretty: WordPressPeer;

  beforeAll(async () => {
    peer = await startWordPress();
    pretty = await startWordPress({ prettyPermalinks: true });
  });

  afterAll(async () => {
    await Promise.all([peer?.stop(), pretty?.stop()]);
  });

  it('authenticates the editor with the application password and lets them publish', async () => {
    const response = await fetch(peer.restUrl('/wp/v2/users/me', { context: 'edit' }), {
      headers: authHeaders(peer),
    });
    expect(response.status).toBe(200);
    const me = (await response.json()) as {
      username: string;
      roles: string[];
      capabilities: Record<string, boolean>;
    };
    expect(me.username).toBe(peer.user);
    expect(me.roles).toContain('administrator');
    expect(me.capabilities.publish_posts).toBe(true);
  });

  it('creates a post over REST and reads it back', async () => {
    const title = `Council votes ${randomBytes(4).toString('hex')}`;
    const created = await createPost(peer, title);
    expect(created.status).toBe('publish');

    const response = await fetch(peer.restUrl(`/wp/v2/posts/${created.id}`, { context: 'edit' }), {
      headers: authHeaders(peer),
    });
    expect(response.status).toBe(200);
    const post = (await response.json()) as {
      title: { raw: string };
      content: { raw: string };
      link: string;
    };
    expect(post.title.raw).toBe(title);
    expect(post.content.raw).toBe(`<p>Body of ${title}</p>`);
    expect(post.link.startsWith(peer.url)).toBe(true);
    expect(await peer.runPhp(`echo get_post(${created.id})->post_title;`)).toBe(title);
  });

  it('runPhp edits the site behind the API, as an edit made on the site would', async () => {
    const created = await createPost(peer, `Edited on the site ${randomBytes(4).toString('hex')}`);
    await peer.runPhp(
      `global $wpdb; $wpdb->update($wpdb->posts, ['post_modified_gmt' => '2031-02-03 04:05:06', 'post_modified' => '2031-02-03 04:05:06'], ['ID' => ${created.id}]); clean_post_cache(${created.id});`,
    );
    const response = await fetch(peer.restUrl(`/wp/v2/posts/${created.id}`), { headers: authHeaders(peer) });
    const post = (await response.json()) as { modified_gmt: string };
    expect(post.modified_gmt).toBe('2031-02-03T04:05:06');
  });

  it('uploads a PNG to the media library and serves the file back', async () => {
    const image = png(3, 2);
    const name = `pixel-${randomBytes(4).toString('hex')}.png`;
    const response = await fetch(`${peer.restBase}/wp/v2/media`, {
      method: 'POST',
      headers: {
        ...authHeaders(peer),
        'content-type': 'image/png',
        'content-disposition': `attachment; filename="${name}"`,
      },
      body: new Uint8Array(image),
    });
    expect(response.status).toBe(201);
    const media = (await response.json()) as {
      id: number;
      media_type: string;
      mime_type: string;
      source_url: string;
      media_details: { width: number; height: number; file: string };
    };
    expect(media.media_type).toBe('image');
    expect(media.mime_type).toBe('image/png');
    expect([media.media_details.width, media.media_details.height]).toEqual([3, 2]);
    expect(existsSync(join(peer.dir, 'wp-content', 'uploads', media.media_details.file))).toBe(true);

    const file = await fetch(media.source_url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(image)).toBe(true);
  });

  it('rejects a wrong application password with 401 and a WordPress error code', async () => {
    const wrong = { authorization: basicAuth(peer.user, 'abcd efgh ijkl mnop qrst uvwx') };
    const me = await fetch(peer.restUrl('/wp/v2/users/me'), { headers: wrong });
    expect(me.status).toBe(401);
    // WordPress 6.1 collects incorrect_password after its check at priority 90 ran, so the route's own code wins.
    expect(['incorrect_password', 'rest_not_logged_in']).toContain(
      ((await me.json()) as { code: string }).code,
    );

    const title = `Never published ${randomBytes(4).toString('hex')}`;
    const create = await fetch(`${peer.restBase}/wp/v2/posts`, {
      method: 'POST',
      headers: { ...wrong, 'content-type': 'application/json' },
      body: JSON.stringify({ title, status: 'publish' }),
    });
    expect(create.status).toBe(401);
    expect(['incorrect_password', 'rest_cannot_create']).toContain(
      ((await create.json()) as { code: string }).code,
    );
    expect(await peer.runPhp(`echo count(get_posts(['title' => '${title}', 'post_status' => 'any']));`)).toBe(
      '0',
    );
  });

  it('pause() refuses connections and resume() brings the same site back', async () => {
    const created = await createPost(peer, `Before the outage ${randomBytes(4).toString('hex')}`);
    await peer.pause();
    expect(await connectionError(peer.restUrl('/'))).toBe('ECONNREFUSED');

    await peer.resume();
    const response = await fetch(peer.restUrl(`/wp/v2/posts/${created.id}`), { headers: authHeaders(peer) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: number }).id).toBe(created.id);
  });

  it('runs a second, separate site with pretty permalinks at the same time', async () => {
    expect(pretty.url).not.toBe(peer.url);
    const me = await fetch(`${pretty.url}/wp-json/wp/v2/users/me`, { headers: authHeaders(pretty) });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { slug: string }).slug).toBe(pretty.user);

    const foreign = await fetch(`${pretty.url}/wp-json/wp/v2/users/me`, { headers: authHeaders(peer) });
    expect(foreign.status).toBe(401);
    const plain = await fetch(`${peer.url}/wp-json/wp/v2/users/me`, { headers: authHeaders(peer) });
    expect(plain.headers.get('content-type')).not.toContain('application/json');
  });

  it('stop() leaves no process, config file or temp dir behind', async () => {
    const { dir, configFile, url } = pretty;
    expect(existsSync(configFile)).toBe(true);
    expect(readdirSync(dir)).toContain('data');
    await pretty.stop();

    expect(existsSync(dir)).toBe(false);
    expect(existsSync(configFile)).toBe(false);
    expect(spawnSync('pgrep', ['-f', dir]).status).toBe(1);
    expect(await connectionError(`${url}/`)).toBe('ECONNREFUSED');
  });
});
