import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import * as Y from 'yjs';

const root = resolve(import.meta.dirname, '..', '..');
const deskMain = join(root, 'main', 'desk', 'deskMain.ts');

export interface DeskProcess {
  url: string;
  port: number;
  dataDir: string;
  firstInvitation: string | null;
  child: ChildProcess;
  /** Ends the process with `signal` and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `copydesk-${prefix}-`));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

export { freePort } from '../support/freePort';

/** Runs the desk command (`npm run desk -- …` without the build step) and resolves after its output `lines`. */
export function runDesk(args: string[], lines = 1): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', deskMain, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolvePromise, reject) => {
    const seen: string[] = [];
    const reader = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => finish(new Error(`desk printed ${JSON.stringify(seen)}; stderr: ${stderr}`)),
      30_000,
    );
    const finish = (error?: Error) => {
      clearTimeout(timer);
      reader.removeAllListeners('line');
      if (error) reject(error);
      else resolvePromise({ child, lines: seen });
    };
    reader.on('line', (line) => {
      seen.push(line);
      if (seen.length === lines) finish();
    });
    child.once('exit', (code) => {
      if (seen.length < lines)
        finish(new Error(`desk exited (${code}) after ${JSON.stringify(seen)}: ${stderr}`));
      else finish();
    });
  });
}

export async function startDeskProcess(
  options: { dataDir?: string; port?: number; redis?: string; postgres?: string; firstStart?: boolean } = {},
): Promise<DeskProcess> {
  const dataDir = options.dataDir ?? tempDir('desk');
  const args = ['--data', dataDir, '--port', String(options.port ?? 0)];
  if (options.redis) args.push('--redis', options.redis);
  if (options.postgres) args.push('--postgres', options.postgres);
  const { child, lines } = await runDesk(args, options.firstStart === false ? 1 : 2);
  const match = /^Copydesk desk listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0] ?? '');
  if (!match) throw new Error(`unexpected first line: ${lines[0]}`);
  const invitation = /^Desk invitation for the first editor: (\S+)$/.exec(lines[1] ?? '');
  return {
    url: match[1]!,
    port: Number(match[2]),
    dataDir,
    firstInvitation: invitation?.[1] ?? null,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}

export async function api<T = unknown>(
  desk: { url: string },
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${desk.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function joinDesk(desk: { url: string }, code: string, name?: string) {
  const { status, body } = await api<{ token: string; person: { id: string; role: string } }>(
    desk,
    '/api/join',
    {
      body: { code, ...(name ? { name } : {}) },
    },
  );
  if (status !== 200) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** An editor who joined with the first invitation, and a reporter the editor invited. */
export async function staffDesk(desk: DeskProcess) {
  const editor = await joinDesk(desk, desk.firstInvitation!, 'Eda Editor');
  const invited = await api<{ code: string }>(desk, '/api/invitations', {
    token: editor.token,
    body: { name: 'Rey Reporter', role: 'reporter' },
  });
  const reporter = await joinDesk(desk, invited.body.code);
  return { editor, reporter };
}

export const newStoryId = () => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from({ length: 26 }, (_, i) => alphabet[i === 0 ? 1 : Math.floor(Math.random() * 32)]).join(
    '',
  );
};

export interface DeskClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  text: Y.Text;
  /** Resolves once the desk acknowledged every local change. */
  synced(): Promise<void>;
  close(): void;
  authFailure: Promise<string>;
}

/** A Yjs client of one story document, in Node (`ws` stands in for the browser's WebSocket). */
export function connect(desk: { url: string }, token: string, documentName: string): DeskClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: `${desk.url.replace(/^http/, 'ws')}/ws`,
    WebSocketPolyfill: WebSocket,
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  let failed: (reason: string) => void = () => {};
  const authFailure = new Promise<string>((done) => (failed = done));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentName,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => failed(reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    text: doc.getText('t'),
    authFailure,
    synced: () => waitFor(() => provider.isSynced && provider.unsyncedChanges === 0, 10_000),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
