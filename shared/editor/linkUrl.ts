const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Controls, zero-width and bidi format characters and any whitespace: browsers strip some of them, so they can hide a scheme.
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Z}\s]/u;
const BARE_HOST = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u;
const BARE_EMAIL = /^[^\s@/:<>"]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/**
 * Whether a link may point at `url`: only absolute http(s) URLs with a host, or mailto: addresses.
 * Surrounding whitespace is ignored; control, invisible or whitespace characters inside refuse the URL.
 */
export function isAllowedLinkUrl(url: string): boolean {
  if (typeof url !== 'string') return false;
  const trimmed = url.trim();
  if (trimmed === '' || HIDDEN_CHARACTER.test(trimmed)) return false;
  const scheme = SCHEME.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined || !LINK_SCHEMES.has(scheme)) return false;
  if (scheme === 'mailto') return trimmed.length > 'mailto:'.length;
  if (!/^https?:\/\/[^/]/i.test(trimmed)) return false;
  try {
    return new URL(trimmed).hostname !== '';
  } catch {
    return false;
  }
}

/** Whether `url` is an absolute http(s) URL that a link or an image may use as is. */
export function isWebUrl(url: string): boolean {
  return isAllowedLinkUrl(url) && url === url.trim() && /^https?:/i.test(url);
}

/**
 * Turns what someone typed as a link into an allowed URL: `example.com/path` becomes `https://example.com/path`,
 * `name@example.com` becomes `mailto:name@example.com`. Returns null when no allowed URL can be made of it.
 */
export function normalizeLinkUrl(url: string): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (isAllowedLinkUrl(trimmed)) return trimmed;
  if (BARE_EMAIL.test(trimmed)) return `mailto:${trimmed}`;
  if (BARE_HOST.test(trimmed)) {
    const withScheme = `https://${trimmed}`;
    return isAllowedLinkUrl(withScheme) ? withScheme : null;
  }
  return null;
}
