import type { Result } from '../../shared/ipc/result';
import { hostConnection } from './hostConnection';

/** How the renderer reaches the core: Electron IPC through the preload, or HTTP to the browser host. */
export interface Transport {
  kind: 'electron' | 'http';
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
  /** Calls back when the event stream is open again after a break, in which events may have been missed. */
  onReconnect?(callback: () => void): () => void;
}

interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    copydesk?: PreloadBridge;
  }
}

export function ipcTransport(bridge: PreloadBridge): Transport {
  return { kind: 'electron', invoke: bridge.invoke, on: bridge.on };
}

/**
 * Chromium refuses keepalive requests once those in flight together exceed 64 KB; within that, a request
 * outlives the page, so the save sent as a tab closes is not cancelled.
 */
const KEEPALIVE_BUDGET_BYTES = 60_000;

const utf8 = new TextEncoder();

const unreachable = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'unavailable', message },
});

export function httpTransport(token: string, base = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnected = new Set<() => void>();
  let stream: AbortController | null = null;
  let opened = 0;
  let keepaliveBytes = 0;

  const emit = (name: string, payload: unknown) =>
    listeners.get(name)?.forEach((callback) => callback(payload));
  const onOpen = () => {
    if (opened++ > 0) reconnected.forEach((callback) => callback());
  };
  const connect = () => {
    stream = new AbortController();
    void readEvents(`${base}/events`, token, stream.signal, emit, onOpen).finally(() => {
      if (stream && !stream.signal.aborted) setTimeout(connect, 2000);
    });
  };

  return {
    kind: 'http',
    async invoke(channel, input) {
      const body = JSON.stringify(input ?? {});
      // A Blob would count them too, at a round trip to the browser's blob registry per call.
      const bytes = utf8.encode(body).byteLength;
      const keepalive = keepaliveBytes + bytes < KEEPALIVE_BUDGET_BYTES;
      if (keepalive) keepaliveBytes += bytes;
      try {
        const response = await fetch(`${base}/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          keepalive,
        });
        hostConnection.report(true);
        return (await response.json()) as Result<unknown>;
      } catch {
        hostConnection.report(false);
        return unreachable('Copydesk is not reachable: is the host still running?');
      } finally {
        if (keepalive) keepaliveBytes -= bytes;
      }
    },
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(callback);
      if (!stream) connect();
      return () => listeners.get(event)?.delete(callback);
    },
    onReconnect(callback) {
      reconnected.add(callback);
      return () => reconnected.delete(callback);
    },
  };
}

/** Server-sent events read with fetch, because EventSource cannot send the Authorization header. */
async function readEvents(
  url: string,
  token: string,
  signal: AbortSignal,
  emit: (name: string, payload: unknown) => void,
  onOpen: () => void,
): Promise<void> {
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` }, signal });
    hostConnection.report(true);
    if (!response.ok || !response.body) return;
    onOpen();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (name && data) emit(name, JSON.parse(data));
      }
    }
  } catch {
    if (!signal.aborted) hostConnection.report(false);
    // the caller reconnects
  }
}

const TOKEN_KEY = 'copydesk.token';

/** Reads the browser host's token from `#token=…` once, keeps it for this tab, and clears it from the address bar. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}

export function pickTransport(): Transport | null {
  if (window.copydesk) return ipcTransport(window.copydesk);
  const token = takeToken(window.location, window.sessionStorage, window.history);
  return token ? httpTransport(token) : null;
}
