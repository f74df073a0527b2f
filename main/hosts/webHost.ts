import { randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** Limits against slow or greedy clients; the defaults suit one person's browser. */
  limits?: Partial<WebHostLimits>;
}

export interface WebHostLimits {
  maxBodyBytes: number;
  /** Time allowed to send the request headers, then the whole request. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  maxConnections: number;
}

const DEFAULT_LIMITS: WebHostLimits = {
  maxBodyBytes: 32 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  maxConnections: 64,
};

/** About 144 bits if random: a shorter COPYDESK_TOKEN is refused. */
export const MIN_TOKEN_LENGTH = 24;
const LAUNCH_CODE_TTL_MS = 2 * 60_000;

export interface WebHost {
  url: string;
  port: number;
  /**
   * A one-time address that swaps itself for the token: safe to put on a browser's command line,
   * which other local users can read, as the token itself is not.
   */
  launchUrl(): string;
  close(): Promise<void>;
}

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

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      chunks.length = 0;
      req.off('data', onData);
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
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
  if (options.token.length < MIN_TOKEN_LENGTH)
    throw new Error(`The access token must be at least ${MIN_TOKEN_LENGTH} characters long.`);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const expectedToken = Buffer.from(options.token);
  const launchCodes = new Map<string, number>();
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
      text = await readBody(req, limits.maxBodyBytes);
    } catch (error) {
      if (req.destroyed && !(error instanceof BodyTooLarge)) return; // the client went away mid-body
      if (!(error instanceof BodyTooLarge)) throw error;
      // Answer, then close: the rest of the body is read and dropped rather than reset mid-upload.
      res.setHeader('Connection', 'close');
      req.resume();
      return sendError(res, 413, {
        code: 'invalid-input',
        message: `The request body is larger than ${limits.maxBodyBytes} bytes`,
      });
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

  // The browser arrives with a one-time code and leaves with the token in the fragment, never sent on.
  const handleLaunch = (res: ServerResponse, code: string) => {
    const expires = launchCodes.get(code);
    launchCodes.delete(code);
    if (expires === undefined || expires < Date.now())
      return sendError(res, 403, {
        code: 'forbidden',
        message:
          'This launch link was used already or has expired: open the address printed by copydesk serve.',
      });
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      Location: `/#token=${encodeURIComponent(options.token)}`,
      'Cache-Control': 'no-store',
    });
    res.end();
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

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
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
        const url = new URL(req.url ?? '/', 'http://placeholder');
        const path = url.pathname;
        if (path.startsWith('/rpc/')) {
          if (req.method !== 'POST')
            return sendError(res, 405, { code: 'invalid-input', message: 'Use POST' });
          return handleRpc(req, res, safeDecode(path.slice('/rpc/'.length)));
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          return sendError(res, 405, { code: 'invalid-input', message: 'Method not allowed' });
        }
        if (path === '/events') return handleEvents(req, res);
        if (path === '/launch') return handleLaunch(res, url.searchParams.get('code') ?? '');
        if (path.startsWith('/media/')) return handleMedia(req, res, path);
        if (path === '/site' || path.startsWith('/site/')) return handleSite(req, res, path);
        return handleStatic(req, res, path);
      };
      route().catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'The host failed to answer' });
        else res.destroy();
      });
    },
  );

  server.maxConnections = limits.maxConnections;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  const url = `http://${LOOPBACK}:${port}`;
  return {
    url,
    port,
    launchUrl: () => {
      const code = randomBytes(24).toString('base64url');
      launchCodes.set(code, Date.now() + LAUNCH_CODE_TTL_MS);
      return `${url}/launch?code=${code}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
