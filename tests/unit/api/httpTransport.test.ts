import { afterEach, expect, it, vi } from 'vitest';
import { httpTransport } from '../../../renderer/api/transport';

afterEach(() => vi.unstubAllGlobals());

it('sends small calls with keepalive, so a save sent as the tab closes is not cancelled, and large ones without', async () => {
  const sent: RequestInit[] = [];
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
    sent.push(init);
    return Promise.resolve(new Response(JSON.stringify({ ok: true, value: null })));
  });
  const transport = httpTransport('token', 'http://127.0.0.1:1');

  await transport.invoke('stories:save', { changes: { headline: 'Short' } });
  await transport.invoke('stories:save', { changes: { body: 'x'.repeat(70_000) } });

  expect(sent.map((init) => init.keepalive)).toEqual([true, false]);
});
