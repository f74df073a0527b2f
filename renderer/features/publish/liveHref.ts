import type { Client } from '../../api/client';

/** Where the renderer can open a published page: absolute URLs as they are; static-site paths under the browser host's `/site/`. */
export function liveHref(url: string | null | undefined, kind: Client['kind']): string | null {
  if (!url) return null;
  if (/^https?:\/\//i.test(url)) return url;
  return kind === 'http' ? `/site/${url.replace(/^\/+/, '')}` : null;
}
