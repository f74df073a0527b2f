import { Link } from '@tiptap/extension-link';
import { isAllowedLinkUrl, normalizeLinkUrl } from './linkUrl';
import { assertAttributeText, MAX_ATTRIBUTE_TEXT } from './textAttribute';

const MAX_URL = 4000;

/**
 * The web link mark: only http(s) and mailto URLs, whether set by command, typed, pasted or parsed from HTML.
 * Renders `<a href="…" rel="noopener noreferrer">`; `target` only when set to `_blank`. Classes and rel values of
 * pasted links are not kept.
 */
export const SafeLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element) => element.getAttribute('href')?.trim() ?? null,
        validate: (value: unknown) => {
          if (
            value !== null &&
            !(typeof value === 'string' && isAllowedLinkUrl(value) && value.length <= MAX_URL)
          )
            throw new RangeError(`Not an allowed link URL: ${JSON.stringify(value)}`);
        },
      },
      target: {
        default: null,
        parseHTML: (element) => (element.getAttribute('target') === '_blank' ? '_blank' : null),
        renderHTML: (attributes) => (attributes.target === '_blank' ? { target: '_blank' } : {}),
        validate: (value: unknown) => {
          if (value !== null && value !== '_blank')
            throw new RangeError('A link target is _blank or nothing');
        },
      },
      title: {
        default: null,
        parseHTML: (element) => element.getAttribute('title')?.slice(0, MAX_ATTRIBUTE_TEXT) || null,
        validate: (value: unknown) => {
          if (value !== null) assertAttributeText(value);
        },
      },
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
