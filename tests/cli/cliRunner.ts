import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from '../support/tempDir';
import { CLI, dist, root } from './cliPaths';

export { CLI, FIXTURES } from './cliPaths';

/** Builds the app once (if stale), guarded by a lock folder so parallel test files wait for each other. */
export function ensureBuilt(): void {
  const lock = `${dist}.building`;
  for (const deadline = Date.now() + 180_000; ;) {
    try {
      mkdirSync(lock, { recursive: false });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      // a build older than three minutes was interrupted
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 180_000) rmdirSync(lock);
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    const built = spawnSync(process.execPath, [join(root, 'main', 'tools', 'build.mjs'), '--if-stale'], {
      cwd: root,
      env: process.env,
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `copydesk` as a user would, as a child process. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const { COPYDESK_DATA: _unset, ...env } = process.env;
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs a command expected to succeed with `--json`; returns its parsed output. */
export async function cliJson<T = unknown>(args: string[]): Promise<T> {
  const run = await runCli([...args, '--json']);
  if (run.code !== 0) throw new Error(`copydesk ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/**
 * For a test file: builds the CLI before its tests and gives fresh temp folders, all removed after them.
 */
export function useCliScratch(): () => string {
  const dirs: { remove(): void }[] = [];
  beforeAll(() => ensureBuilt(), 180_000);
  afterAll(() => dirs.forEach((dir) => dir.remove()));
  return () => {
    const dir = tempDir('copydesk-cli-');
    dirs.push(dir);
    return dir.path;
  };
}
