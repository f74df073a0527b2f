import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventNames } from '../../shared/ipc/contract';
import { httpStatusOf, type AppErrorShape } from '../../shared/ipc/errors';
import type { Result } from '../../shared/ipc/result';
import type { CoreEvents } from '../core/coreEvents';
import type { Dispatch } from '../ipc/dispatch';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy';
import { findStaticFile, openStaticFile } from './staticFiles';
import { findMediaFile } from '../services/media/mediaFiles';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: CoreEvents;
  token: string;
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The media store (`<dataDir>/media`), served at `/media/<sha256>.<ext>`; omitted, nothing is. */
  mediaDir?: string;
  /** The built-in static site's folder, served at `/site/` ("View site"); omitted, nothing is. */
  siteDir?: () => string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 32 * 1024 * 1024;
const LOOPBACK = '127.0.0.1';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const sendError = (res: ServerResponse, status: number, error: AppErrorShape) =>
  sendJson(res, status, { ok: false, error } satisfies Result<never>);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The browser host: the renderer and the contract on 127.0.0.1 only. Every request must name this
 * host (against DNS rebinding) and come from its own origin (against CSRF); the contract also needs the token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const expectedToken = Buffer.from(options.token);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const hasToken = (req: IncomingMessage): boolean => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const given = Buffer.from(match?.[1] ?? '');
    return given.length === expectedToken.length && timingSafeEqual(given, expectedToken);
  };

  const handleRpc = async (req: IncomingMessage, res: ServerResponse, channel: string) => {
    if (!hasToken(req))
      return sendError(res, 401, { code: 'unauthorized', message: 'Missing or wrong token' });
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return sendError(res, 415, { code: 'invalid-input', message: 'Send the input as application/json' });
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch {
      return sendError(res, 413, { code: 'invalid-input', message: 'Request body is too large' });
    }
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      return sendError(res, 400, { code: 'invalid-input', message: 'The request body is not valid JSON' });
    }
    const result = await options.dispatch(channel, input);
    sendJson(res, result.ok ? 200 : httpStatusOf[result.error.code], result);
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse) => {
    if (!hasToken(req))
      return sendError(res, 401, { code: 'unauthorized', message: 'Missing or wrong token' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    const unsubscribers = eventNames.map((name) =>
      options.events.on(name, (payload) => res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribers.forEach((off) => off());
    });
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const file = await findStaticFile(options.staticDir, path);
    if (!file) return sendError(res, 404, { code: 'not-found', message: `Nothing at ${path}` });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Content-Length': file.size,
      'Cache-Control': file.type.startsWith('text/html') ? 'no-store' : 'max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    openStaticFile(file).pipe(res);
  };

  // No token here: <img> cannot send headers, and the name is an unguessable content hash.
  const handleMedia = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    const file = options.mediaDir ? await findMediaFile(options.mediaDir, path) : null;
    if (!file) return sendError(res, 404, { code: 'not-found', message: `Nothing at ${path}` });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Content-Length': file.size,
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return res.end();
    openStaticFile(file).pipe(res);
  };

  // No token here either: the static site is what readers will see, and links inside it cannot carry one.
  const handleSite = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === '/site') {
      res.writeHead(301, { ...SECURITY_HEADERS, Location: '/site/' });
      return res.end();
    }
    const file = options.siteDir
      ? await findStaticFile(options.siteDir(), path.slice('/site'.length) || '/')
      : null;
    if (!file) return sendError(res, 404, { code: 'not-found', message: `Nothing at ${path}` });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Content-Length': file.size,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    openStaticFile(file).pipe(res);
  };

  const server = createServer((req, res) => {
    const route = async () => {
      if (!allowedHosts.has(req.headers.host ?? '')) {
        return sendError(res, 403, { code: 'forbidden', message: 'This host name is not allowed' });
      }
      const origin = req.headers.origin;
      if (
        (origin !== undefined && !allowedOrigins.has(origin)) ||
        req.headers['sec-fetch-site'] === 'cross-site'
      ) {
        return sendError(res, 403, {
          code: 'forbidden',
          message: 'Requests from other sites are not allowed',
        });
      }
      const path = new URL(req.url ?? '/', 'http://placeholder').pathname;
      if (path.startsWith('/rpc/')) {
        if (req.method !== 'POST') return sendError(res, 405, { code: 'invalid-input', message: 'Use POST' });
        return handleRpc(req, res, safeDecode(path.slice('/rpc/'.length)));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendError(res, 405, { code: 'invalid-input', message: 'Method not allowed' });
      }
      if (path === '/events') return handleEvents(req, res);
      if (path.startsWith('/media/')) return handleMedia(req, res, path);
      if (path === '/site' || path.startsWith('/site/')) return handleSite(req, res, path);
      return handleStatic(req, res, path);
    };
    route().catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'The host failed to answer' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
