import type { Net, Protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './hosts/contentSecurityPolicy';
import { findStaticFile } from './hosts/staticFiles';
import { findMediaFile } from './services/media/mediaFiles';
import { APP_ORIGIN } from './security';

const SCHEME = new URL(APP_ORIGIN).protocol.replace(':', '');

/** Must run before the app is ready: makes `copydesk://` a secure, standard origin. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer at `copydesk://app/`, and the media store's images at
 * `copydesk://app/media/<sha256>.<ext>`, with the app's Content-Security-Policy.
 */
export function serveRenderer(
  protocol: Pick<Protocol, 'handle'>,
  net: Pick<Net, 'fetch'>,
  rendererDir: string,
  mediaDir: string,
): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const isMedia = url.pathname.startsWith('/media/');
    const file =
      url.host !== 'app'
        ? null
        : isMedia
          ? await findMediaFile(mediaDir, url.pathname)
          : await findStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file.path).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Type', file.type);
    if (isMedia) headers.set('Cache-Control', 'private, max-age=31536000, immutable');
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: 200, headers });
  });
}
