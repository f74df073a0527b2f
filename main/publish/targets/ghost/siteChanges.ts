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

const comparable = (field: keyof GhostPostFields, fields: GhostPostFields): string => {
  const value = fields[field];
  if (field === 'html') return wordsOf(String(value));
  if (Array.isArray(value)) return value.map((tag) => tag.toLowerCase()).join('\n');
  return String(value ?? '');
};

/**
 * The fields someone changed on the site: those that differ from what Copydesk last sent, leaving
 * out those that already are what it is about to send (its own earlier write whose answer was lost).
 */
export function changedOnSite(
  onSite: GhostPostFields,
  lastSent: GhostPostFields,
  sending: GhostPostFields,
): string[] {
  return (Object.keys(FIELD_NAMES) as (keyof GhostPostFields)[])
    .filter(
      (field) =>
        comparable(field, onSite) !== comparable(field, lastSent) &&
        comparable(field, onSite) !== comparable(field, sending),
    )
    .map((field) => FIELD_NAMES[field]);
}
