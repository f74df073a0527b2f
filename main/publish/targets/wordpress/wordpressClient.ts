import { z } from 'zod';
import { PublishError } from '../../publishError';
import {
  readSiteAnswer,
  siteBody,
  siteSender,
  SiteRejection,
  type FetchLike,
  type SiteDialect,
} from '../siteRequest';

export type { FetchLike } from '../siteRequest';

/** How to reach a WordPress site's REST API as one user. */
export interface WordPressConnection {
  url: string;
  userName: string;
  password: string;
  /** `…/wp-json` or `…/?rest_route=`; detected when missing. */
  restBase?: string | undefined;
  /** Told the base once detected, so the next client of the site need not ask again. */
  onRestBase?(restBase: string): void;
  fetch?: FetchLike;
  timeoutMs?: number;
}

export interface RequestOptions {
  query?: Record<string, string>;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The route's URL under a REST base, with query parameters joined the way that base needs. */
export function restUrl(restBase: string, route: string, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query).toString();
  const joiner = restBase.includes('?') ? '&' : '?';
  return `${restBase}${route}${params ? `${joiner}${params}` : ''}`;
}

/** The REST base a detection request ended up at, after a redirect on the same origin. */
function finalBase(requested: string, final: string, candidate: string): string {
  if (!final || final === requested) return candidate;
  const url = new URL(final);
  return url.searchParams.has('rest_route')
    ? `${url.origin}${url.pathname}?rest_route=`
    : `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopback = (hostname: string) => LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

/**
 * Why credentials may not go to `url` for a site the user typed as `typed`, or null when they may:
 * only to the typed origin, and over plain http only on this machine.
 */
export function credentialRefusal(typed: string, url: string): string | null {
  const target = new URL(url);
  if (target.origin !== new URL(typed).origin)
    return `Copydesk sends the password only to the address you entered (${new URL(typed).origin}), not to ${target.origin}.`;
  if (target.protocol === 'http:' && !isLoopback(target.hostname))
    return `${target.origin} uses plain http, where anyone on the network could read the password. Use the site's https:// address.`;
  return null;
}

/** Discovery landed on another origin: the user must choose to save that address. */
export class SiteMovedError extends PublishError {
  readonly details: { movedTo: string };
  constructor(typed: string, movedTo: string) {
    super(
      'invalid',
      `${new URL(typed).origin} redirects to ${movedTo}. Copydesk did not send your password there; if that is your site, save ${movedTo} as the site URL.`,
    );
    this.details = { movedTo };
  }
}

/** What WordPress answers to a create or update: at least the object's numeric id. */
const Written = z.object({ id: z.number() });

const wordpress: SiteDialect = {
  message(body) {
    const message = (body as { message?: unknown } | null)?.message;
    return typeof message === 'string' && message.trim() !== '' ? message.replace(/<[^>]*>/g, '') : '';
  },
  authRefused: 'WordPress did not accept the user name or application password',
  addressHint: 'e.g. https:// or www',
  isAnswer: (body, method) => method === 'GET' || Written.safeParse(body).success,
  notAnswer: 'is not a WordPress object.',
};

/** A small REST client for one WordPress site; errors become PublishErrors the outbox can act on. */
export function wordpressClient(connection: WordPressConnection) {
  const auth = `Basic ${Buffer.from(`${connection.userName}:${connection.password}`).toString('base64')}`;
  let restBase = connection.restBase;
  const sendTo = siteSender(connection.url, connection.fetch, connection.timeoutMs);
  // Only discovery, which carries no credentials, follows redirects; an authenticated call never does.
  const send = (url: string, init: RequestInit) =>
    sendTo(url, { ...init, redirect: new Headers(init.headers).has('authorization') ? 'manual' : 'follow' });

  const detect = async (): Promise<string> => {
    const base = trimSlash(connection.url);
    for (const candidate of [`${base}/wp-json`, `${base}/?rest_route=`]) {
      const requested = restUrl(candidate, '/');
      const response = await send(requested, { headers: { accept: 'application/json' } });
      if (response.status >= 500 || response.status === 429)
        throw new PublishError('network', `The site answered HTTP ${response.status}.`);
      const body = (await response.json().catch(() => null)) as { namespaces?: unknown } | null;
      if (!(response.ok && Array.isArray(body?.namespaces) && body.namespaces.includes('wp/v2'))) continue;
      const found = finalBase(requested, response.url, candidate);
      const foundOrigin = new URL(found).origin;
      if (foundOrigin !== new URL(connection.url).origin)
        throw new SiteMovedError(connection.url, foundOrigin);
      return found;
    }
    throw new PublishError('rejected', `No WordPress REST API found at ${connection.url}.`);
  };

  const base = async (): Promise<string> => {
    if (restBase === undefined) {
      restBase = await detect();
      connection.onRestBase?.(restBase);
    }
    return restBase;
  };

  return {
    restBase: base,
    /** Calls a route with Basic auth; resolves with the JSON body, rejects with a PublishError. */
    async request<T>(method: string, route: string, options: RequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = {
        authorization: auth,
        accept: 'application/json',
        ...options.headers,
      };
      const body = siteBody(headers, {
        json: options.json,
        raw: options.body && new Blob([options.body as Uint8Array<ArrayBuffer>]),
      });
      const url = restUrl(await base(), route, options.query);
      const refusal = credentialRefusal(connection.url, url);
      if (refusal) throw new PublishError('invalid', refusal);
      return readSiteAnswer<T>(await send(url, { method, headers, body }), method, route, wordpress);
    },
  };
}

export type WordPressClient = ReturnType<typeof wordpressClient>;

/** The status and body of a rejected request, when the site sent them. */
export function rejection(
  error: unknown,
): { status: number; body: { code?: string; data?: unknown } } | null {
  if (!(error instanceof SiteRejection)) return null;
  return { status: error.status, body: (error.body ?? {}) as { code?: string; data?: unknown } };
}
