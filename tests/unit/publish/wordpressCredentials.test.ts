import { describe, expect, it } from 'vitest';
import { credentialRefusal, wordpressClient } from '../../../main/publish/targets/wordpress/wordpressClient';
import { checkConnection } from '../../../main/publish/targets/wordpress/checkConnection';

/** Records what would have gone on the wire; answers like a WordPress REST root. */
function recordingFetch(finalUrl?: string) {
  const calls: { url: string; authorization: string | null }[] = [];
  const fetch = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, authorization: new Headers(init.headers).get('authorization') });
    const response = new Response(JSON.stringify({ name: 'Site', namespaces: ['wp/v2'], id: 1 }), {
      headers: { 'content-type': 'application/json' },
    });
    if (finalUrl) Object.defineProperty(response, 'url', { value: finalUrl });
    return response;
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('WordPress credentials', () => {
  it('go only to the typed origin, and over plain http only on this machine', () => {
    expect(credentialRefusal('https://news.example', 'https://news.example/wp-json/')).toBeNull();
    expect(credentialRefusal('http://127.0.0.1:8080', 'http://127.0.0.1:8080/?rest_route=/')).toBeNull();
    expect(credentialRefusal('http://localhost:3000', 'http://localhost:3000/wp-json/')).toBeNull();
    expect(credentialRefusal('http://[::1]:3000', 'http://[::1]:3000/wp-json/')).toBeNull();
    expect(credentialRefusal('http://news.example', 'http://news.example/wp-json/')).toMatch(/plain http/);
    expect(credentialRefusal('http://127.0.0.1.evil.example', 'http://127.0.0.1.evil.example/')).toMatch(
      /plain http/,
    );
    expect(credentialRefusal('https://news.example', 'https://www.news.example/wp-json/')).toMatch(
      /only to the address you entered/,
    );
  });

  it('are never sent over plain http to another machine', async () => {
    const wire = recordingFetch();
    const client = wordpressClient({
      url: 'http://news.example',
      userName: 'ana',
      password: 'pw',
      fetch: wire.fetch,
    });
    await expect(checkConnection(client)).rejects.toThrow(/plain http/);
    expect(wire.calls.filter((call) => call.authorization !== null)).toEqual([]);
  });

  it('are not sent to the origin discovery was redirected to', async () => {
    const wire = recordingFetch('https://elsewhere.example/wp-json/');
    const client = wordpressClient({
      url: 'https://news.example',
      userName: 'ana',
      password: 'pw',
      fetch: wire.fetch,
    });
    await expect(checkConnection(client)).rejects.toMatchObject({
      kind: 'invalid',
      details: { movedTo: 'https://elsewhere.example' },
    });
    expect(wire.calls.map((call) => call.authorization)).toEqual([null]);
  });

  it('are not sent to a stored REST base on another origin', async () => {
    const wire = recordingFetch();
    const client = wordpressClient({
      url: 'https://news.example',
      restBase: 'https://evil.example/wp-json',
      userName: 'ana',
      password: 'pw',
      fetch: wire.fetch,
    });
    await expect(client.request('GET', '/')).rejects.toThrow(/only to the address you entered/);
    expect(wire.calls).toEqual([]);
  });

  it('follow a same-origin redirect and go there over https', async () => {
    const wire = recordingFetch('https://news.example/blog/wp-json/');
    const client = wordpressClient({
      url: 'https://news.example',
      userName: 'ana',
      password: 'pw',
      fetch: wire.fetch,
    });
    const report = await checkConnection(client);
    expect(report.restBase).toBe('https://news.example/blog/wp-json');
    expect(wire.calls.slice(1).every((call) => call.authorization?.startsWith('Basic '))).toBe(true);
  });
});
