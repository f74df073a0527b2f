import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBrowserHost, type BrowserHost } from '../../main/hosts/serveBrowserHost';
import { tempDir } from '../support/tempDir';

const TOKEN = 'test-token-0123456789abcdef';
let dir: ReturnType<typeof tempDir>;
let host: BrowserHost;
let base: string;

beforeAll(async () => {
  dir = tempDir();
  const staticDir = join(dir.path, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  writeFileSync(join(dir.path, 'secret.txt'), 'outside the web root');
  host = await serveBrowserHost({ dataDir: join(dir.path, 'data'), port: 0, token: TOKEN, staticDir });
  base = host.web.url;
});
afterAll(async () => {
  await host.close();
  dir.remove();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP so a test can send any Host header (fetch forbids setting it). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const rpc = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  raw(
    'POST',
    `/rpc/${channel}`,
    { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    JSON.stringify(input),
  );

describe('browser host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers the contract with the token', async () => {
    const reply = await rpc('app:info', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'Copydesk', host: 'web' } });
  });

  it('refuses a missing or wrong token with 401', async () => {
    const missing = await raw('POST', '/rpc/app:info', { 'Content-Type': 'application/json' }, '{}');
    const wrong = await rpc('app:info', {}, { Authorization: 'Bearer nope' });
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect(JSON.parse(missing.body)).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'Missing or wrong token' },
    });
  });

  it('refuses a foreign Origin with 403 even with the token (CSRF)', async () => {
    const reply = await rpc('stories:create', { headline: 'forged' }, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    const list = JSON.parse((await rpc('library:query', {})).body) as {
      value: { items: { headline: string }[] };
    };
    expect(list.value.items.map((s) => s.headline)).not.toContain('forged');
  });

  it('accepts its own Origin', async () => {
    const reply = await rpc('app:info', {}, { Origin: base });
    expect(reply.status).toBe(200);
  });

  it('refuses a foreign Host with 403 (DNS rebinding), for pages too', async () => {
    const page = await raw('GET', '/', { Host: 'evil.example:80' });
    const call = await rpc('app:info', {}, { Host: `attacker.test:${host.web.port}` });
    expect([page.status, call.status]).toEqual([403, 403]);
  });

  it('maps error codes to HTTP statuses', async () => {
    const invalid = await rpc('stories:get', { id: 5 });
    const missing = await rpc('stories:get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    const unknown = await rpc('nope:nothing', {});
    const story = JSON.parse((await rpc('stories:create', {})).body) as { value: { id: string } };
    await rpc('stories:save', { id: story.value.id, expectedVersion: 1, changes: { headline: 'a' } });
    const conflict = await rpc('stories:save', {
      id: story.value.id,
      expectedVersion: 1,
      changes: { headline: 'b' },
    });
    expect([invalid.status, missing.status, unknown.status, conflict.status]).toEqual([400, 404, 404, 409]);
  });

  it('answers malformed JSON and wrong content types with a clear 4xx', async () => {
    const badJson = await raw(
      'POST',
      '/rpc/app:info',
      { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      '{',
    );
    const form = await raw(
      'POST',
      '/rpc/app:info',
      { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` },
      '{}',
    );
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body).error.message).toMatch(/not valid JSON/);
    expect(form.status).toBe(415);
  });

  it('serves the renderer with a strict Content-Security-Policy and nothing outside it', async () => {
    const page = await raw('GET', '/', {});
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Copydesk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const escape = await raw('GET', path, {});
      expect(escape.status).toBe(404);
      expect(escape.body).not.toContain('outside the web root');
    }
  });

  it('streams core events to authorised listeners', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/events`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the ": connected" comment
    const created = JSON.parse((await rpc('stories:create', { headline: 'Evented' })).body) as {
      value: { id: string };
    };
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value;
    controller.abort();
    expect(text).toContain('event: stories:changed');
    expect(text).toContain(`"id":"${created.value.id}"`);

    const denied = await fetch(`${base}/events`);
    expect(denied.status).toBe(401);
  });
});
