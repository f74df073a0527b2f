import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export const BUILT_CLI = join(
  import.meta.dirname,
  '..',
  '..',
  process.env.COPYDESK_DIST ?? 'dist',
  'main',
  'cli.cjs',
);

/** Starts the built `copydesk serve` as a user would, and reads the address from its first lines. */
export async function startServe(
  dataDir: string,
  token: string,
  port = 0,
): Promise<{ child: ChildProcess; url: string; uiUrl: string }> {
  const child = spawn(
    process.execPath,
    [BUILT_CLI, 'serve', '--data', dataDir, '--port', String(port), '--no-open'],
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

/** Stops a host process (SIGKILL for a crash) and resolves once it is gone. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
