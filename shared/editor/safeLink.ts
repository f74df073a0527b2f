import { Link } from '@tiptap/extension-link';
import { isAllowedLinkUrl, normalizeLinkUrl } from './linkUrl';

/**
 * The web link mark: only http(s) and mailto URLs, whether set by command, typed, pasted or parsed from HTML.
 * Renders `<a href="…" rel="noopener noreferrer">`; `target` only when set to `_blank`. Classes and rel values of
 * pasted links are not kept.
 */
export const SafeLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element) => element.getAttribute('href')?.trim() ?? null },
      target: {
        default: null,
        parseHTML: (element) => (element.getAttribute('target') === '_blank' ? '_blank' : null),
        renderHTML: (attributes) => (attributes.target === '_blank' ? { target: '_blank' } : {}),
      },
      title: { default: null, parseHTML: (element) => element.getAttribute('title') || null },
    };
  },

  renderHTML({ HTMLAttributes }) {
    const { href } = HTMLAttributes;
    const safeHref = typeof href === 'string' && isAllowedLinkUrl(href) ? href.trim() : null;
    return ['a', { ...HTMLAttributes, href: safeHref, rel: 'noopener noreferrer' }, 0];
  },
}).configure({
  openOnClick: false,
  autolink: true,
  defaultProtocol: 'https',
  isAllowedUri: (url) => isAllowedLinkUrl(url),
  shouldAutoLink: (url) => normalizeLinkUrl(url) !== null,
});
