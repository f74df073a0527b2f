import { MAX_IMAGE_BYTES } from '../../shared/domain/media';
import { escapeHtml } from '../../shared/editor';
import type { CallCore } from './coreCaller';

/** Brings a remote image into the media store; null when it cannot be had. */
export type ImageFetcher = (url: string) => Promise<string | null>;

const IMG = /<img\b[^>]*>/gi;
const SRC = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const ALT = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

const decodeAttribute = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** A visible stand-in for an image that could not be brought in, never a silent broken link. */
export const missingImage = (url: string, alt = '') =>
  `<p><em>[Missing image${alt ? `: ${escapeHtml(alt)}` : ''} — ${escapeHtml(url || 'no address')}]</em></p>`;

/**
 * Downloads over http(s) (10 s, at most the media store's size limit) and stores through `media:import`,
 * so the store decides from the bytes whether it is an image. Each address is tried once per import.
 */
export function imageFetcher(call: CallCore, options: { download: boolean }): ImageFetcher {
  const known = new Map<string, string | null>();
  const fetchOne = async (url: string): Promise<string | null> => {
    if (!options.download || !/^https?:\/\//i.test(url)) return null;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'follow' });
      if (!response.ok) return null;
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) return null;
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || 'image').slice(0, 200);
      const stored = await call('media:import', { fileName: name, dataBase64: bytes.toString('base64') });
      return stored.src;
    } catch {
      return null;
    }
  };
  return async (url) => {
    if (known.has(url)) return known.get(url)!;
    const src = await fetchOne(url);
    if (known.size < 10_000) known.set(url, src);
    return src;
  };
}

/** Points every `<img>` at the media store, or replaces it with a "missing image" placeholder. */
export async function localizeImages(html: string, fetchImage: ImageFetcher): Promise<string> {
  const images = [...new Set(html.match(IMG) ?? [])];
  let out = html;
  for (const tag of images) {
    const match = SRC.exec(tag);
    const url = decodeAttribute(match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
    const alt = decodeAttribute(ALT.exec(tag)?.[1] ?? ALT.exec(tag)?.[2] ?? '');
    const src = url ? await fetchImage(url) : null;
    const replacement = src ? `<img src="${src}" alt="${escapeHtml(alt)}">` : missingImage(url, alt);
    out = out.split(tag).join(replacement);
  }
  return out;
}
