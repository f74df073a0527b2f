import { Window } from 'happy-dom';

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'meta',
  'base',
  'svg',
  'math',
  'template',
  'portal',
  'noscript',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'srcset',
  'poster',
  'background',
  'data',
  'codebase',
  'cite',
  'longdesc',
  'usemap',
  'ping',
  'manifest',
]);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Whether a URL attribute's value (as the browser decodes it) has no scheme or an http(s)/mailto one. */
export function isSafeUrl(value: string): boolean {
  // Browsers drop controls and whitespace inside a scheme; so does this check before reading it.
  const squeezed = value.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff]/g,
    '',
  );
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/**
 * What in an HTML document or fragment could run script or load from a dangerous URL: forbidden elements, event
 * handler and style attributes, and URL attributes with any scheme but http(s) and mailto. Empty when safe.
 */
export function unsafeHtmlParts(html: string, { allow = [] as string[] } = {}): string[] {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const problems: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (FORBIDDEN_TAGS.has(tag) && !allow.includes(tag)) problems.push(`<${tag}>`);
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value ?? '';
        if (name.startsWith('on') || name === 'style' || name === 'srcdoc') problems.push(`<${tag} ${name}>`);
        else if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value))
          problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      }
    }
    return problems;
  } finally {
    void window.happyDOM.close();
  }
}
