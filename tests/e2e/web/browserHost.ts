import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { tempDir } from '../../support/tempDir';
import { startServe, stopProcess as stop } from '../../support/serveProcess';

export interface RunningHost {
  url: string;
  uiUrl: string;
  token: string;
  dataDir: string;
  /** Stops the host process (SIGTERM, or SIGKILL for a crash) and starts a new one on the same data directory. */
  restart(options?: RestartOptions): Promise<void>;
  /** Stops the host process without starting another (the app then sees it as unreachable). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Calls a channel as the app does (with the token); throws the core's error when it refuses. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the answers' fields freely
  rpc<T = any>(channel: string, input: unknown): Promise<T>;
}

export interface RestartOptions {
  signal?: NodeJS.Signals;
  /** Listen on the port of the previous process, so open pages reconnect to it. */
  samePort?: boolean;
}

/** Who the host says is using the app before the page opens; `test.use({ defaultPerson: null })` for a first run. */
export interface DefaultPerson {
  name: string;
  role: 'reporter' | 'editor';
}

/** Starts a Copydesk browser host on a data folder of its own (one machine); `close` stops it and removes the folder. */
export async function startHost(
  defaultPerson: DefaultPerson | null,
): Promise<RunningHost & { close(): Promise<void> }> {
  const dir = tempDir('copydesk-e2e-');
  const token = randomBytes(24).toString('base64url');
  let running = await startServe(dir.path, token);
  const host: RunningHost & { close(): Promise<void> } = {
    url: running.url,
    uiUrl: running.uiUrl,
    token,
    dataDir: dir.path,
    restart: async ({ signal, samePort } = {}) => {
      await stop(running.child, signal);
      running = await startServe(dir.path, token, samePort ? Number(new URL(host.url).port) : 0);
      host.url = running.url;
      host.uiUrl = running.uiUrl;
    },
    stop: (signal) => stop(running.child, signal),
    rpc: async (channel, input) => {
      const response = await fetch(`${host.url}/rpc/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as {
        ok: boolean;
        value?: unknown;
        error?: { message: string };
      };
      if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? response.status}`);
      return result.value as never;
    },
    close: async () => {
      await stop(running.child);
      dir.remove();
    },
  };
  if (defaultPerson) await host.rpc('people:create', defaultPerson);
  return host;
}

export const test = base.extend<{ host: RunningHost; defaultPerson: DefaultPerson | null }>({
  defaultPerson: [{ name: 'Test Editor', role: 'editor' }, { option: true }],
  host: async ({ defaultPerson }, use) => {
    const host = await startHost(defaultPerson);
    await use(host);
    await host.close();
  },
});

export { expect } from '@playwright/test';
