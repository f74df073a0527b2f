import { SignJWT } from 'jose';
import { PublishError } from '../../publishError';
import type { FetchLike } from '../wordpress/wordpressClient';

/** How to reach a Ghost site's Admin API with a custom integration's key. */
export interface GhostConnection {
  url: string;
  /** The integration's Admin API key, `id:secret` (secret in hex). */
  adminKey: string;
  fetch?: FetchLike | undefined;
  timeoutMs?: number;
}

export interface GhostRequestOptions {
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
}

/** What Ghost says when it refuses a request: `{ errors: [{ message, context, type, code }] }`. */
interface GhostErrorBody {
  errors?: { message?: string; context?: string | null; type?: string; code?: string | null }[];
}

const KEY = /^([0-9a-f]{24}):([0-9a-f]{64})$/i;
const API_VERSION = 'v5.0';
/** Ghost refuses tokens that live longer than five minutes. */
const TOKEN_SECONDS = 5 * 60;

/** The `id:secret` of an Admin API key, or an explanation of why it is not one. */
export function parseAdminKey(adminKey: string): { id: string; secret: Uint8Array } {
  const match = KEY.exec(adminKey.trim());
  if (!match)
    throw new PublishError(
      'auth',
      'That is not a Ghost Admin API key: it looks like 24 hex digits, a colon and 64 hex digits.',
    );
  return { id: match[1]!, secret: Buffer.from(match[2]!, 'hex') };
}

export const ghostAdminBase = (url: string) => `${url.replace(/\/+$/, '')}/ghost/api/admin`;

function ghostMessage(body: unknown, status: number): string {
  const first = (body as GhostErrorBody | null)?.errors?.[0];
  const text = [first?.message, first?.context].filter((part) => part && part.trim()).join(' ');
  return text || `The site answered HTTP ${status}`;
}

/** A small Admin API client for one Ghost site; errors become PublishErrors the outbox can act on. */
export function ghostClient(connection: GhostConnection) {
  const doFetch = connection.fetch ?? fetch;
  const timeoutMs = connection.timeoutMs ?? 30_000;
  const base = ghostAdminBase(connection.url);
  const key = parseAdminKey(connection.adminKey);

  // A new short-lived token per request: a job may wait longer than a token lives.
  const token = () =>
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.id })
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_SECONDS}s`)
      .setAudience('/admin/')
      .sign(key.secret);

  // fetch turns a redirected POST into a GET without Authorization, so only reads follow redirects.
  const send = async (url: string, init: RequestInit): Promise<Response> => {
    const redirect = (init.method ?? 'GET') === 'GET' || init.method === 'HEAD' ? 'follow' : 'manual';
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (cause ?? 'failed');
      throw new PublishError('network', `Could not reach ${connection.url} (${reason}).`);
    }
  };

  const urlOf = (route: string, query: Record<string, string> = {}) => {
    const params = new URLSearchParams(query).toString();
    return `${base}${route}${params ? `?${params}` : ''}`;
  };

  return {
    siteUrl: connection.url.replace(/\/+$/, ''),
    /** Calls an Admin API route (`/posts/`) with a fresh token; resolves with the JSON body. */
    async request<T>(method: string, route: string, options: GhostRequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = {
        authorization: `Ghost ${await token()}`,
        accept: 'application/json',
        'accept-version': API_VERSION,
      };
      let body: RequestInit['body'] | undefined;
      if (options.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(options.json);
      } else if (options.form) body = options.form;
      const response = await send(urlOf(route, options.query), { method, headers, body });
      if (response.status >= 300 && response.status < 400)
        throw new PublishError(
          'invalid',
          `The site redirected ${method} ${route} to ${response.headers.get('location') ?? 'another address'}; enter the site's final address (e.g. https://) and test the connection again.`,
        );
      const parsed: unknown = response.status === 204 ? {} : await response.json().catch(() => null);
      if (response.ok && (parsed === null || typeof parsed !== 'object'))
        throw new PublishError('invalid', `The site's answer to ${method} ${route} is not Ghost's.`);
      if (response.ok) return parsed as T;
      if (response.status === 429 || response.status >= 500)
        throw new PublishError(
          'network',
          `The site is unavailable: ${ghostMessage(parsed, response.status)}`,
        );
      if (response.status === 401)
        throw new PublishError(
          'auth',
          `Ghost did not accept the Admin API key: ${ghostMessage(parsed, 401)}`,
        );
      throw Object.assign(new PublishError('rejected', ghostMessage(parsed, response.status)), {
        status: response.status,
        code: (parsed as GhostErrorBody | null)?.errors?.[0]?.code ?? null,
      });
    },
    /** Whether a public file (an uploaded image) is on the site. */
    async exists(url: string): Promise<boolean> {
      const response = await send(url, { method: 'HEAD' });
      if (response.status === 429 || response.status >= 500)
        throw new PublishError('network', `The site is unavailable: HTTP ${response.status}`);
      return response.ok;
    },
  };
}

export type GhostClient = ReturnType<typeof ghostClient>;

/** The HTTP status and Ghost error code of a refused request. */
export function ghostRejection(error: unknown): { status: number; code: string | null } | null {
  if (!(error instanceof PublishError) || error.kind !== 'rejected') return null;
  const { status, code } = error as PublishError & { status?: number; code?: string | null };
  return typeof status === 'number' ? { status, code: code ?? null } : null;
}
