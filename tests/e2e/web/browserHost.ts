import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { tempDir } from '../../support/tempDir';

const CLI = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  process.env.COPYDESK_DIST ?? 'dist',
  'main',
  'cli.cjs',
);

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

/** Starts the built `copydesk serve` as a user would, and reads the address from its first lines. */
async function startServe(
  dataDir: string,
  token: string,
  port = 0,
): Promise<{ child: ChildProcess; url: string; uiUrl: string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'serve', '--data', dataDir, '--port', String(port), '--no-open'],
    {
      env: { ...process.env, COPYDESK_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const iterator = lines[Symbol.asyncIterator]();
  const first = (await iterator.next()).value as string | undefined;
  const second = (await iterator.next()).value as string | undefined;
  const url = /^Copydesk listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first ?? '')?.[1];
  const uiUrl = /(http:\/\/\S+#token=\S+)/.exec(second ?? '')?.[1];
  if (!url || !uiUrl) throw new Error(`copydesk serve printed: ${first} / ${second}`);
  return { child, url, uiUrl };
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Who the host says is using the app before the page opens; `test.use({ defaultPerson: null })` for a first run. */
export interface DefaultPerson {
  name: string;
  role: 'reporter' | 'editor';
}

export const test = base.extend<{ host: RunningHost; defaultPerson: DefaultPerson | null }>({
  defaultPerson: [{ name: 'Test Editor', role: 'editor' }, { option: true }],
  host: async ({ defaultPerson }, use) => {
    const dir = tempDir('copydesk-e2e-');
    const token = randomBytes(24).toString('base64url');
    let running = await startServe(dir.path, token);
    const host: RunningHost = {
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
    };
    if (defaultPerson) await host.rpc('people:create', defaultPerson);
    await use(host);
    await stop(running.child);
    dir.remove();
  },
});

export { expect } from '@playwright/test';
