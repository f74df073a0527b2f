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

it('says when the event stream is open again after a break, not when it first opens', async () => {
  vi.useFakeTimers();
  let opened = 0;
  vi.stubGlobal('fetch', () => {
    opened++;
    // Each stream ends at once, as when the host goes away; the transport opens a new one.
    return Promise.resolve(new Response(new ReadableStream({ start: (controller) => controller.close() })));
  });
  const transport = httpTransport('token', 'http://127.0.0.1:1');
  let reconnects = 0;
  transport.onReconnect!(() => reconnects++);
  transport.on('stories:changed', () => undefined);

  await vi.advanceTimersByTimeAsync(100);
  expect([opened, reconnects]).toEqual([1, 0]);
  await vi.advanceTimersByTimeAsync(2000);
  expect([opened, reconnects]).toEqual([2, 1]);
  vi.useRealTimers();
});
