/** The fields of a Ghost post Copydesk writes, as compared to find out what someone changed on the site. */
export interface GhostPostFields {
  title: string;
  customExcerpt: string;
  slug: string;
  tags: string[];
  featureImage: string | null;
  status: string;
  /** The body as HTML; compared by its words, since Ghost rewrites the markup it is given. */
  html: string;
}

const FIELD_NAMES: Record<keyof GhostPostFields, string> = {
  title: 'headline',
  customExcerpt: 'standfirst',
  slug: 'slug',
  tags: 'tags',
  featureImage: 'featured image',
  status: 'status',
  html: 'body',
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The words of an HTML fragment, markup and entities aside. */
export function wordsOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The addresses an HTML fragment links to and shows, in order. */
const urlsOf = (html: string): string =>
  [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]).join('\n');

const comparable = (field: keyof GhostPostFields, fields: GhostPostFields, withUrls: boolean): string => {
  if (field === 'html') {
    const { html } = fields;
    return withUrls ? `${wordsOf(html)}\n${urlsOf(html)}` : wordsOf(html);
  }
  const value = fields[field];
  if (Array.isArray(value)) return value.map((tag) => tag.toLowerCase()).join('\n');
  return String(value ?? '');
};

const differing = (a: GhostPostFields, b: GhostPostFields, withUrls: boolean) =>
  (Object.keys(FIELD_NAMES) as (keyof GhostPostFields)[]).filter(
    (field) => comparable(field, a, withUrls) !== comparable(field, b, withUrls),
  );

/**
 * Whether the post on the site already is what Copydesk is about to send (its own earlier update,
 * whose answer was lost): fields, the body's words and every link and image address.
 */
export const alreadyOnSite = (onSite: GhostPostFields, sending: GhostPostFields): boolean =>
  differing(onSite, sending, true).length === 0;

/**
 * The fields someone changed on the site since Copydesk last sent the post, by name. The body is
 * compared by its words: what Copydesk sent last had its story links unresolved.
 */
export const changedOnSite = (onSite: GhostPostFields, lastSent: GhostPostFields): string[] =>
  differing(onSite, lastSent, false).map((field) => FIELD_NAMES[field]);
