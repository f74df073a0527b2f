import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SignJWT } from 'jose';
import { freePort } from '../support/freePort';

/**
 * A real Ghost 5 (built by `.ci/install-ghost.sh` into a cache folder) on 127.0.0.1 with SQLite in a
 * temp content folder: owner set up, logged in, and a custom integration whose Admin API key is
 * `adminKey`.
 */
export interface GhostPeer {
  url: string;
  port: number;
  /** The integration's Admin API key, `id:secret`. */
  adminKey: string;
  /** The owner's staff access token, which has the same `id:secret` form but acts as that user. */
  staffKey: string;
  ownerName: string;
  siteTitle: string;
  /** The per-start temp dir: config, content (SQLite database, images, logs), ghost.log. */
  dir: string;
  /** Milliseconds `startGhost()` took. */
  startMs: number;
  /** Calls the Admin API (`/posts/`) with the integration's key (or `key`); resolves with status and JSON body. */
  admin<T = unknown>(
    method: string,
    route: string,
    json?: unknown,
    key?: string,
  ): Promise<{ status: number; body: T }>;
  /** Stops Ghost and removes the temp dir. */
  stop(): Promise<void>;
  /** Stops the Ghost process only (connections are refused). */
  pause(): Promise<void>;
  /** Starts Ghost again on the same port and content folder and waits until it answers. */
  resume(): Promise<void>;
}

export const GHOST_VERSION = '5.130.6';
const SITE_TITLE = 'Copydesk Ghost Test Site';
const OWNER_EMAIL = 'owner@copydesk.test';
const OWNER_NAME = 'Desk Owner';
const CONTENT_DIRS = ['data', 'images', 'logs', 'settings', 'adapters', 'public', 'files', 'media', 'themes'];

/** Where `.ci/install-ghost.sh` builds Ghost; keep the two in step. */
export function ghostInstallDir(): string {
  if (process.env.COPYDESK_GHOST_DIR) return process.env.COPYDESK_GHOST_DIR;
  if (process.getuid?.() === 0) return `/var/cache/copydesk/ghost-${GHOST_VERSION}`;
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'copydesk', `ghost-${GHOST_VERSION}`);
}

export function ghostAvailable(): { ok: true; app: string } | { ok: false; reason: string } {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 18 || major > 22) return { ok: false, reason: `Ghost ${GHOST_VERSION} needs Node 18–22` };
  const install = ghostInstallDir();
  const app = join(install, 'app');
  if (!existsSync(join(install, '.copydesk-complete')) || !existsSync(join(app, 'index.js')))
    return { ok: false, reason: `no Ghost build in ${install} (run .ci/install-ghost.sh)` };
  return { ok: true, app };
}

/**
 * For test files: true when the Ghost peer can run. Otherwise prints "skipped: <reason>" and
 * returns false, except in CI (`CI=true`) where it throws so the suite fails instead of skipping.
 */
export function requireGhost(): boolean {
  const result = ghostAvailable();
  if (result.ok) return true;
  if (process.env.CI === 'true') throw new Error(`Ghost peer is required in CI: ${result.reason}`);
  console.warn(`skipped: Ghost peer unavailable: ${result.reason}`);
  return false;
}

function tail(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// Loaded into Ghost with --require: Ghost exits (and removes the peer's dir) when the test process
// that holds its stdin goes away, even on SIGKILL; a deliberate stop kills Ghost first.
const ORPHAN_GUARD = `
const dir = process.env.COPYDESK_GHOST_PEER_DIR;
process.stdin.on('end', () => {
  try { require('node:fs').rmSync(dir, { recursive: true, force: true }); } catch {}
  process.exit(0);
});
process.stdin.on('error', () => {});
process.stdin.resume();
`;

const live = new Set<{ child: () => ChildProcess | undefined; dir: string }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const peer of live) {
      peer.child()?.kill('SIGKILL');
      rmSync(peer.dir, { recursive: true, force: true });
    }
  });
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

interface Cookie {
  header?: string;
}

async function json<T>(
  url: string,
  init: { method?: string; body?: unknown; cookie?: Cookie; origin: string },
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      accept: 'application/json',
      origin: init.origin,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie?.header ? { cookie: init.cookie.header } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  const setCookie = response.headers.getSetCookie();
  if (init.cookie && setCookie.length)
    init.cookie.header = setCookie.map((line) => line.split(';')[0]).join('; ');
  return { status: response.status, body: parseBody<T>(await response.text()) };
}

// Some routes answer plain text (the session route says "Created").
function parseBody<T>(text: string): T {
  try {
    return (text ? JSON.parse(text) : {}) as T;
  } catch {
    return { text } as T;
  }
}

export async function startGhost(options: { dir?: string } = {}): Promise<GhostPeer> {
  const started = performance.now();
  const check = ghostAvailable();
  if (!check.ok) throw new Error(`Ghost peer unavailable: ${check.reason}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = `${url}/ghost/api/admin`;
  const dir = mkdtempSync(join(options.dir ?? tmpdir(), 'copydesk-ghost-'));
  const content = join(dir, 'content');
  for (const sub of CONTENT_DIRS) mkdirSync(join(content, sub), { recursive: true });
  for (const theme of ['casper', 'source']) {
    const shipped = join(check.app, 'content', 'themes', theme);
    if (existsSync(shipped)) symlinkSync(shipped, join(content, 'themes', theme));
  }
  symlinkSync(check.app, join(dir, 'current'));
  writeFileSync(join(dir, 'orphanGuard.js'), ORPHAN_GUARD);
  writeFileSync(
    join(dir, 'config.production.json'),
    JSON.stringify(
      {
        url,
        server: { host: '127.0.0.1', port },
        database: {
          client: 'sqlite3',
          connection: { filename: join(content, 'data', 'ghost.db') },
          useNullAsDefault: true,
        },
        mail: { transport: 'stub' },
        logging: { transports: ['stdout'], level: 'warn' },
        process: 'local',
        paths: { contentPath: content },
        security: { staffDeviceVerification: false },
        updateCheck: { enabled: false },
        privacy: { useUpdateCheck: false, useGravatar: false, useRpcPing: false },
        telemetry: false,
      },
      null,
      2,
    ),
  );

  const logPath = join(dir, 'ghost.log');
  let child: ChildProcess | undefined;
  let stopped = false;
  const entry = { child: () => child, dir };
  live.add(entry);
  installExitHook();

  const startProcess = async (): Promise<void> => {
    const log = openSync(logPath, 'a');
    const ghost = spawn(process.execPath, ['--require', join(dir, 'orphanGuard.js'), 'current/index.js'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', COPYDESK_GHOST_PEER_DIR: dir },
      stdio: ['pipe', log, log],
    });
    closeSync(log);
    ghost.unref();
    (ghost.stdin as unknown as { unref?: () => void }).unref?.();
    ghost.stdin?.on('error', () => undefined);
    child = ghost;
    const begun = Date.now();
    for (;;) {
      if (ghost.exitCode !== null || ghost.signalCode !== null)
        throw new Error(`Ghost exited during startup:\n${tail(logPath)}`);
      try {
        const response = await fetch(`${api}/authentication/setup/`, { signal: AbortSignal.timeout(5_000) });
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() - begun > 120_000) throw new Error(`Ghost did not answer in 120 s:\n${tail(logPath)}`);
      await sleep(100);
    }
  };

  const stopProcess = async (): Promise<void> => {
    const current = child;
    child = undefined;
    if (!current) return;
    current.kill('SIGTERM');
    if (!(await waitExit(current, 10_000))) {
      current.kill('SIGKILL');
      await waitExit(current, 5_000);
    }
  };

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopProcess();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    live.delete(entry);
  };

  try {
    await startProcess();
    const password = randomBytes(12).toString('hex');
    const setup = await json(`${api}/authentication/setup/`, {
      method: 'POST',
      origin: url,
      body: { setup: [{ name: OWNER_NAME, email: OWNER_EMAIL, password, blogTitle: SITE_TITLE }] },
    });
    if (setup.status !== 201)
      throw new Error(`Ghost setup answered ${setup.status}: ${JSON.stringify(setup.body)}`);
    const cookie: Cookie = {};
    const session = await json(`${api}/session/`, {
      method: 'POST',
      origin: url,
      cookie,
      body: { username: OWNER_EMAIL, password },
    });
    if (session.status >= 300 || !cookie.header)
      throw new Error(`Ghost login answered ${session.status}: ${JSON.stringify(session.body)}`);
    const integration = await json<{ integrations: { api_keys: { type: string; secret: string }[] }[] }>(
      `${api}/integrations/?include=api_keys`,
      { method: 'POST', origin: url, cookie, body: { integrations: [{ name: 'Copydesk tests' }] } },
    );
    const adminKey = integration.body.integrations?.[0]?.api_keys.find((key) => key.type === 'admin')?.secret;
    if (integration.status !== 201 || !adminKey)
      throw new Error(
        `Ghost integration answered ${integration.status}: ${JSON.stringify(integration.body)}`,
      );

    const staff = await json<{ apiKey?: { id: string; secret: string } }>(`${api}/users/me/token/`, {
      origin: url,
      cookie,
    });
    if (staff.status !== 200 || !staff.body.apiKey)
      throw new Error(`Ghost staff token answered ${staff.status}: ${JSON.stringify(staff.body)}`);
    const staffKey = `${staff.body.apiKey.id}:${staff.body.apiKey.secret}`;

    const token = (key: string) => {
      const [keyId, secret] = key.split(':') as [string, string];
      return new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keyId })
        .setIssuedAt()
        .setExpirationTime('5m')
        .setAudience('/admin/')
        .sign(Buffer.from(secret, 'hex'));
    };

    return {
      url,
      port,
      adminKey,
      staffKey,
      ownerName: OWNER_NAME,
      siteTitle: SITE_TITLE,
      dir,
      startMs: Math.round(performance.now() - started),
      async admin<T>(method: string, route: string, body?: unknown, key = adminKey) {
        const response = await fetch(`${api}${route}`, {
          method,
          headers: {
            authorization: `Ghost ${await token(key)}`,
            accept: 'application/json',
            'accept-version': 'v5.0',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, body: parseBody<T>(await response.text()) };
      },
      stop,
      async pause() {
        if (stopped) throw new Error('Ghost peer is stopped');
        await stopProcess();
      },
      async resume() {
        if (stopped) throw new Error('Ghost peer is stopped');
        if (!child) await startProcess();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
