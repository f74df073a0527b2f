import { PublishError } from '../publishError';

export type FetchLike = typeof fetch;

/** How one kind of site (WordPress, Ghost) words its answers. */
export interface SiteDialect {
  /** The site's own explanation in an error answer's body, or ''. */
  message(body: unknown): string;
  /** Said before the site's words when it refuses the credentials (HTTP 401). */
  authRefused: string;
  /** An example of a final address, said when the site redirects a call. */
  addressHint: string;
  /** Whether a successful answer is one this kind of site gives. */
  isAnswer(body: unknown, method: string): boolean;
  /** Ends "The site's answer to GET /route …" when it is not. */
  notAnswer: string;
}

/** A site refused a call: its HTTP status and the body it sent, for the adapter to act on. */
export class SiteRejection extends PublishError {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super('rejected', message);
  }
}

/** Sends requests to one site within the time allowed; not reaching it becomes a `network` PublishError. */
export function siteSender(siteUrl: string, doFetch: FetchLike = fetch, timeoutMs = 30_000) {
  return async (
    url: string,
    init: RequestInit & { redirect: NonNullable<RequestInit['redirect']> },
  ): Promise<Response> => {
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (cause ?? 'failed');
      throw new PublishError('network', `Could not reach ${siteUrl} (${reason}).`);
    }
  };
}

/** A JSON body with its content type, or a raw one as given. */
export function siteBody(
  headers: Record<string, string>,
  options: { json?: unknown; raw?: RequestInit['body'] },
): RequestInit['body'] {
  if (options.json === undefined) return options.raw;
  headers['content-type'] = 'application/json';
  return JSON.stringify(options.json);
}

/**
 * The JSON body of a site's answer, or the PublishError it amounts to: a redirect or an answer not the
 * site's is `invalid`, 429 and 5xx are `network` (retried), 401 is `auth`, any other refusal `rejected`.
 */
export async function readSiteAnswer<T>(
  response: Response,
  method: string,
  route: string,
  dialect: SiteDialect,
): Promise<T> {
  if (response.status >= 300 && response.status < 400)
    throw new PublishError(
      'invalid',
      `The site redirected ${method} ${route} to ${response.headers.get('location') ?? 'another address'}; enter the site's final address (${dialect.addressHint}) and test the connection again.`,
    );
  const parsed: unknown = response.status === 204 ? {} : await response.json().catch(() => null);
  if (response.ok && !dialect.isAnswer(parsed, method))
    throw new PublishError('invalid', `The site's answer to ${method} ${route} ${dialect.notAnswer}`);
  if (response.ok) return parsed as T;
  const words = dialect.message(parsed) || `The site answered HTTP ${response.status}`;
  if (response.status === 429 || response.status >= 500)
    throw new PublishError('network', `The site is unavailable: ${words}`);
  if (response.status === 401) throw new PublishError('auth', `${dialect.authRefused}: ${words}`);
  throw new SiteRejection(words, response.status, parsed);
}
