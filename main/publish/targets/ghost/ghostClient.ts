import { SignJWT } from 'jose';
import { PublishError } from '../../publishError';
import {
  readSiteAnswer,
  siteBody,
  siteSender,
  SiteRejection,
  type FetchLike,
  type SiteDialect,
} from '../siteRequest';

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

const ghost: SiteDialect = {
  message(body) {
    const first = (body as GhostErrorBody | null)?.errors?.[0];
    return [first?.message, first?.context].filter((part) => part && part.trim()).join(' ');
  },
  authRefused: 'Ghost did not accept the Admin API key',
  addressHint: 'e.g. https://',
  isAnswer: (body) => body !== null && typeof body === 'object',
  notAnswer: "is not Ghost's.",
};

/** A small Admin API client for one Ghost site; errors become PublishErrors the outbox can act on. */
export function ghostClient(connection: GhostConnection) {
  const send = siteSender(connection.url, connection.fetch, connection.timeoutMs);
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
  const redirectFor = (method: string) => (method === 'GET' || method === 'HEAD' ? 'follow' : 'manual');

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
      const body = siteBody(headers, { json: options.json, raw: options.form });
      const response = await send(urlOf(route, options.query), {
        method,
        headers,
        body,
        redirect: redirectFor(method),
      });
      return readSiteAnswer<T>(response, method, route, ghost);
    },
    /** Whether a public file (an uploaded image) is on the site. */
    async exists(url: string): Promise<boolean> {
      const response = await send(url, { method: 'HEAD', redirect: redirectFor('HEAD') });
      if (response.status === 429 || response.status >= 500)
        throw new PublishError('network', `The site is unavailable: HTTP ${response.status}`);
      return response.ok;
    },
  };
}

export type GhostClient = ReturnType<typeof ghostClient>;

/** The HTTP status and Ghost error code of a refused request. */
export function ghostRejection(error: unknown): { status: number; code: string | null } | null {
  if (!(error instanceof SiteRejection)) return null;
  return { status: error.status, code: (error.body as GhostErrorBody | null)?.errors?.[0]?.code ?? null };
}
