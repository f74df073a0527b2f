import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/createCore';
import { startWebHost, type WebHost, type WebHostLimits } from '../../main/hosts/webHost';
import { serveBrowserHost } from '../../main/hosts/serveBrowserHost';
import { openApp } from '../../main/hosts/serveCommand';
import { tempDir } from '../support/tempDir';

const TOKEN = 'hardening-token-0123456789abcdef';
let dir: ReturnType<typeof tempDir>;
let core: Core;
let staticDir: string;
const hosts: WebHost[] = [];

beforeAll(() => {
  dir = tempDir();
  staticDir = join(dir.path, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Copydesk</title>');
  core = createCore({ dataDir: join(dir.path, 'data'), appVersion: 'test', host: 'web' });
});
afterAll(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  core.close();
  dir.remove();
});

async function host(limits: Partial<WebHostLimits> = {}, token = TOKEN): Promise<WebHost> {
  const web = await startWebHost({
    dispatch: core.dispatch,
    events: core.events,
    token,
    port: 0,
    staticDir,
    limits,
  });
  hosts.push(web);
  return web;
}

/** Sends a POST of `size` bytes (declared or chunked) and resolves with the status the host answered. */
function post(web: WebHost, size: number, declare: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${web.url}/rpc/app:info`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${TOKEN}`,
        ...(declare ? { 'Content-Length': String(size) } : {}),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** Opens a raw socket and resolves when the host closes it, with whatever it said first. */
function rawSocket(web: WebHost): { socket: Socket; closed: Promise<string> } {
  const socket = connect(web.port, '127.0.0.1');
  let said = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (said += chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(said)));
  return { socket, closed };
}

const refused = (address: string, port: number) =>
  new Promise<string>((resolve) => {
    const socket = connect({ host: address, port, timeout: 2000 });
    socket.on('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });

describe('browser host hardening', () => {
  it('binds 127.0.0.1 only: other addresses of this machine refuse the connection', async () => {
    const web = await host();
    expect(await refused('127.0.0.1', web.port)).toBe('connected');
    const others = [
      '127.0.0.2',
      ...Object.values(networkInterfaces())
        .flat()
        .filter((info) => info && info.family === 'IPv4' && !info.internal)
        .map((info) => info!.address),
    ];
    for (const address of others) expect(await refused(address, web.port), address).toBe('ECONNREFUSED');
  });

  it('answers a body over the limit with 413, declared or streamed, instead of resetting', async () => {
    const web = await host({ maxBodyBytes: 4096 });
    for (const declare of [true, false]) {
      const reply = await post(web, 200_000, declare);
      expect(reply.status, `declared: ${declare}`).toBe(413);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect((await post(web, 100, true)).status).toBe(200);
  });

  it('keeps the default limit at 32 MiB with a 413 above it', async () => {
    const web = await host();
    const reply = await post(web, 33 * 1024 * 1024, true);
    expect(reply.status).toBe(413);
    expect(reply.body).toContain('33554432 bytes');
  });

  it('refuses a weak token', async () => {
    await expect(host({}, 'abc')).rejects.toThrow(/at least 24 characters/);
    await expect(
      serveBrowserHost({ dataDir: join(dir.path, 'weak'), port: 0, token: 'short-token', staticDir }),
    ).rejects.toThrow(/at least 24 characters/);
  });

  it('drops a client that is too slow to send its headers or its body', async () => {
    const web = await host({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const headers = rawSocket(web);
    headers.socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(await headers.closed).toMatch(/^HTTP\/1\.1 408/);
    const body = rawSocket(web);
    body.socket.write(
      `POST /rpc/app:info HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
    );
    expect(await body.closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('caps the number of open connections', async () => {
    const web = await host({ maxConnections: 3 });
    const open = [rawSocket(web), rawSocket(web), rawSocket(web)];
    await Promise.all(open.map(({ socket }) => new Promise((resolve) => socket.once('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const extra = rawSocket(web);
    extra.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\n\r\n`);
    expect(await extra.closed).toBe('');
    expect(open.every(({ socket }) => !socket.destroyed)).toBe(true);
    open.forEach(({ socket }) => socket.destroy());
  });

  it('keeps the data folder 0700 and the database files 0600', async () => {
    const data = join(dir.path, 'private');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    const private_ = createCore({ dataDir: data, appVersion: 'test', host: 'test' });
    await private_.dispatch('stories:create', { headline: 'Mode check' });
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(data)).toBe(0o700);
    for (const file of ['copydesk.db', 'copydesk.db-wal', 'copydesk.db-shm'].map((name) =>
      join(data, name),
    )) {
      if (existsSync(file)) expect(mode(file), file).toBe(0o600);
    }
    expect(existsSync(join(data, 'copydesk.db-wal'))).toBe(true);
    private_.close();
  });

  it('puts a one-time launch code on the browser’s command line, never the token', async () => {
    const browserHost = await serveBrowserHost({ dataDir: join(dir.path, 'launch'), port: 0, staticDir });
    try {
      const argsFile = join(dir.path, 'browser-args.txt');
      const browser = join(dir.path, 'fake-browser.sh');
      writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`, { mode: 0o755 });
      expect(openApp(browserHost, { DISPLAY: ':0', COPYDESK_BROWSER: browser })).toContain(browser);
      await expect.poll(() => existsSync(argsFile) && readFileSync(argsFile, 'utf8')).toContain('--app=');
      const args = readFileSync(argsFile, 'utf8');
      expect(args).not.toContain(browserHost.token);
      const launch = /--app=(\S+)/.exec(args)![1]!;
      expect(launch).toMatch(/\/launch\?code=[\w-]{32}$/);

      const first = await fetch(launch, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).toBe(`/#token=${browserHost.token}`);
      expect(first.headers.get('cache-control')).toBe('no-store');
      const again = await fetch(launch, { redirect: 'manual' });
      expect(again.status).toBe(403);
      const guessed = await fetch(`${browserHost.web.url}/launch?code=guess`, { redirect: 'manual' });
      expect(guessed.status).toBe(403);
    } finally {
      await browserHost.close();
    }
  });
});
