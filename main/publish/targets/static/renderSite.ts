import { createHash } from 'node:crypto';
import { MEDIA_SRC } from '../../../../shared/domain/media';
import { slugify } from '../../../../shared/domain/slug';
import { escapeHtml, readingTimeLabel, safeImageSrc, storyToHtml } from '../../../../shared/editor';
import type { PublishedSnapshot } from '../../../db/queries/publicationQueries';
import { SITE_CSS } from './siteStyles';

/** A story on the static site. */
export interface SiteStory {
  storyId: string;
  /** File name under `stories/`, without `.html`. */
  key: string;
  snapshot: PublishedSnapshot;
  publishedAt: number;
  /** When it was last republished with changes; null if never. */
  updatedAt: number | null;
}

export interface SiteModel {
  title: string;
  /** Absolute address of the site's root, ending in `/` (used by the feed and the sitemap). */
  baseUrl: string;
  sections: { id: string; name: string }[];
  /** Newest first. */
  stories: SiteStory[];
}

const escape = escapeHtml;

/** Straight quotes as a typesetter sets them: “double”, ‘single’, and apostrophes (don’t, ’90s). */
export function typographic(text: string): string {
  return text
    .replace(/(^|[\s([{\u2014-])"/gu, '$1\u201c')
    .replace(/"/gu, '\u201d')
    .replace(/(^|[\s([{\u2014-])'/gu, '$1\u2018')
    .replace(/'/gu, '\u2019');
}

/** Escaped for HTML, with typographic quotes: for headlines, standfirsts and bylines. */
const prose = (text: string): string => escape(typographic(text));

// One formatter for the whole site: building it per call costs more than the rest of a list item.
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateLabel = (ms: number): string => DATE_FORMAT.format(ms);

/** How many stories the home page lists; section and tag pages list all of theirs. */
export const HOME_PAGE_STORIES = 50;

/**
 * The file of a tag's page under `tags/`, without `.html`: plain ASCII, so the name on disk is the name in
 * the link whether or not a server decodes it, and the same on every publish. A tag that its slug spells
 * out ("Budget", "New York") is its slug; any other ("C++", "Москва", "Café") gets a hash of its
 * case-folded name after a `--` no slug has, so two tags never share a page unless they differ only in case
 * or in spaces for hyphens.
 */
export function tagKey(tag: string): string {
  const folded = tag.normalize('NFC').trim().toLowerCase();
  const slug = slugify(folded);
  if (slug && slug === folded.split(/\s+/).join('-')) return slug;
  return `${slug || 'tag'}--${createHash('sha256').update(folded).digest('hex').slice(0, 10)}`;
}

function page(options: {
  title: string;
  siteTitle: string;
  root: string;
  sections: SiteModel['sections'];
  main: string;
  /** Extra tags for the head: description, canonical link, social cards. */
  head?: string;
}): string {
  const { root } = options;
  const nav = options.sections
    .map((section) => `<a href="${root}sections/${escape(section.id)}.html">${escape(section.name)}</a>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(options.title)}</title>
<link rel="stylesheet" href="${root}style.css">
<link rel="alternate" type="application/rss+xml" title="${escape(options.siteTitle)}" href="${root}feed.xml">
${options.head ?? ''}</head>
<body>
<header class="site-header">
<a class="site-name" href="${root}index.html">${escape(options.siteTitle)}</a>
<nav class="site-nav" aria-label="Sections">${nav}</nav>
</header>
<main>
${options.main}
</main>
<footer>${escape(options.siteTitle)} · <a href="${root}feed.xml">RSS</a> · <a href="${root}sitemap.xml">Sitemap</a></footer>
</body>
</html>
`;
}

function listItem(story: SiteStory, root: string, sectionName: string | undefined): string {
  const { snapshot } = story;
  const meta = [sectionName, dateLabel(story.publishedAt), readingTimeLabel(snapshot.wordCount)].filter(
    Boolean,
  );
  return `<li><a href="${root}stories/${story.key}.html">${escape(snapshot.headline)}</a>${
    snapshot.standfirst ? `<p>${prose(snapshot.standfirst)}</p>` : ''
  }<div class="meta-line">${meta.map((part) => escape(part ?? '')).join(' · ')}</div></li>`;
}

function railItem(story: SiteStory, href: string): string {
  const { snapshot } = story;
  return `<li><a href="${href}">${escape(snapshot.headline)}</a>${
    snapshot.standfirst ? `<p>${prose(snapshot.standfirst)}</p>` : ''
  }</li>`;
}

/**
 * The static site as files: `index.html`, `stories/<key>.html`, `sections/<id>.html`, `tags/<tag>.html`,
 * `feed.xml`, `sitemap.xml` and `style.css`. Links between pages are relative so the folder works anywhere.
 * Returns the files and the media (`media/…` sources) the pages use.
 */
export function renderSite(model: SiteModel): { files: Map<string, string>; media: Set<string> } {
  const files = new Map<string, string>();
  const media = new Set<string>();
  const sectionName = new Map(model.sections.map((section) => [section.id, section.name]));
  const byId = new Map(model.stories.map((story) => [story.storyId, story]));
  // Each section's stories oldest first, and where each story stands in its section.
  const bySection = new Map<string | null, SiteStory[]>();
  for (const story of model.stories) {
    const list = bySection.get(story.snapshot.sectionId) ?? [];
    list.push(story);
    bySection.set(story.snapshot.sectionId, list);
  }
  const positionInSection = new Map<string, number>();
  for (const list of bySection.values()) {
    list.sort((a, b) => a.publishedAt - b.publishedAt || a.storyId.localeCompare(b.storyId));
    list.forEach((story, i) => positionInSection.set(story.storyId, i));
  }
  const usedSections = model.sections.filter((section) => bySection.has(section.id));
  const shell = (title: string, root: string, main: string, head?: string) =>
    page({ title, siteTitle: model.title, root, sections: usedSections, main, ...(head ? { head } : {}) });
  const mediaUrl = (root: string) => (src: string) => {
    if (!MEDIA_SRC.test(src)) return src;
    media.add(src);
    return `${root}${src}`;
  };
  const featured = model.stories.filter((story) => story.snapshot.featuredImage).slice(0, 4);
  /** The first `count` stories, newest first, that pass `keep`, without walking the whole site. */
  const firstWhere = (count: number, keep: (story: SiteStory) => boolean) => {
    const found: SiteStory[] = [];
    for (const story of model.stories) {
      if (found.length === count) break;
      if (keep(story)) found.push(story);
    }
    return found;
  };

  for (const story of model.stories) {
    const { snapshot } = story;
    const root = '../';
    const section = snapshot.sectionId ? sectionName.get(snapshot.sectionId) : undefined;
    const body = storyToHtml(snapshot.body, {
      forPublishing: true,
      resolveStoryUrl: (id) => {
        const linked = byId.get(id);
        return linked ? `${linked.key}.html` : null;
      },
      resolveMediaUrl: mediaUrl(root),
    });
    const inSection = bySection.get(snapshot.sectionId)!;
    const index = positionInSection.get(story.storyId)!;
    const previous = inSection[index - 1];
    const next = inSection[index + 1];
    const latest: SiteStory[] = [];
    for (let i = inSection.length - 1; i >= 0 && latest.length < 5; i--)
      if (i !== index) latest.push(inSection[i]!);
    const featuredSrc = snapshot.featuredImage ? safeImageSrc(snapshot.featuredImage, mediaUrl(root)) : null;
    const featuredImage = featuredSrc
      ? `<figure class="featured-image"><img src="${escape(featuredSrc)}" alt=""></figure>`
      : '';
    const meta = [
      snapshot.byline || snapshot.credit
        ? `<span class="byline">${prose(snapshot.byline)}${snapshot.credit ? `${snapshot.byline ? ' ' : ''}<span class="credit">${prose(snapshot.credit)}</span>` : ''}</span>`
        : '',
      snapshot.dateline ? `<span class="dateline">${escape(snapshot.dateline)}</span>` : '',
      `<time datetime="${new Date(story.publishedAt).toISOString()}">${dateLabel(story.publishedAt)}</time>`,
      story.updatedAt !== null
        ? `<span class="updated">Updated <time datetime="${new Date(story.updatedAt).toISOString()}">${dateLabel(story.updatedAt)}</time></span>`
        : '',
      `<span class="reading-time">${readingTimeLabel(snapshot.wordCount)}</span>`,
    ].filter(Boolean);
    const tags = snapshot.tags.length
      ? `<ul class="tags" aria-label="Tags">${snapshot.tags
          .map((tag) => `<li><a href="${root}tags/${tagKey(tag)}.html">${escape(tag)}</a></li>`)
          .join('')}</ul>`
      : '';
    const prevNext =
      previous || next
        ? `<nav class="prev-next" aria-label="More in ${escape(section ?? 'this section')}">${
            previous
              ? `<a class="previous" rel="prev" href="${previous.key}.html"><span class="label">Previous</span>${escape(previous.snapshot.headline)}</a>`
              : ''
          }${
            next
              ? `<a class="next" rel="next" href="${next.key}.html"><span class="label">Next</span>${escape(next.snapshot.headline)}</a>`
              : ''
          }</nav>`
        : '';
    const latestBlock =
      section && latest.length
        ? `<section class="latest" aria-label="Latest from ${escape(section)}"><h2>Latest from ${escape(section)}</h2><ul>${latest
            .map((other) => railItem(other, `${other.key}.html`))
            .join('')}</ul></section>`
        : '';
    // Stories with a featured image, else the latest from other sections (this one has its own list).
    const featuredStories =
      featured.length > 0
        ? featured.filter((other) => other.storyId !== story.storyId).slice(0, 3)
        : firstWhere(3, (other) => other.snapshot.sectionId !== snapshot.sectionId);
    const featuredBlock = featuredStories.length
      ? `<section class="featured" aria-label="Featured"><h2>Featured</h2><ul>${featuredStories
          .map((other) => railItem(other, `${other.key}.html`))
          .join('')}</ul></section>`
      : '';
    const main = `<div class="story-layout">
<article class="story">
${section ? `<p class="kicker"><a href="${root}sections/${escape(snapshot.sectionId!)}.html">${escape(section)}</a></p>` : ''}
<h1>${prose(snapshot.headline)}</h1>
${snapshot.standfirst ? `<p class="standfirst">${prose(snapshot.standfirst)}</p>` : ''}
<p class="meta">${meta.join('')}</p>
${featuredImage}
<div class="body">
${body}
</div>
${tags}
${prevNext}
</article>
<aside class="rail">
${latestBlock}
${featuredBlock}
</aside>
</div>`;
    // Only a site with a web address has one to give search engines and social cards (not file:///…).
    const onWeb = /^https?:\/\//i.test(model.baseUrl);
    const head = storyHead({
      url: onWeb ? `${model.baseUrl}stories/${story.key}.html` : null,
      siteTitle: model.title,
      headline: typographic(snapshot.headline),
      description: typographic(snapshot.standfirst),
      image:
        onWeb && snapshot.featuredImage
          ? new URL(mediaUrl('')(snapshot.featuredImage), model.baseUrl).href
          : null,
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
    });
    files.set(
      `stories/${story.key}.html`,
      shell(`${typographic(snapshot.headline)} — ${model.title}`, root, main, head),
    );
  }

  const listing = (heading: string, stories: SiteStory[], root: string) =>
    `<section class="listing"><h1>${escape(heading)}</h1><ul>${stories
      .map((story) =>
        listItem(
          story,
          root,
          story.snapshot.sectionId ? sectionName.get(story.snapshot.sectionId) : undefined,
        ),
      )
      .join('')}</ul></section>`;

  files.set(
    'index.html',
    shell(
      model.title,
      '',
      model.stories.length
        ? listing('Latest', model.stories.slice(0, HOME_PAGE_STORIES), '')
        : '<p>Nothing is published yet.</p>',
    ),
  );
  for (const section of usedSections) {
    const stories = [...bySection.get(section.id)!].reverse();
    files.set(
      `sections/${section.id}.html`,
      shell(`${section.name} — ${model.title}`, '../', listing(section.name, stories, '../')),
    );
  }
  const tags = new Map<string, { name: string; stories: SiteStory[] }>();
  for (const story of model.stories) {
    for (const tag of story.snapshot.tags) {
      const key = tagKey(tag);
      const entry = tags.get(key) ?? { name: tag, stories: [] };
      entry.stories.push(story);
      tags.set(key, entry);
    }
  }
  for (const [key, tag] of tags)
    files.set(
      `tags/${key}.html`,
      shell(`${tag.name} — ${model.title}`, '../', listing(tag.name, tag.stories, '../')),
    );

  const absolute = (path: string) => new URL(path, model.baseUrl).href;
  const xml = (text: string) => escape(text).replace(/'/g, '&apos;');
  files.set(
    'feed.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${xml(model.title)}</title>
<link>${xml(absolute('index.html'))}</link>
<description>${xml(`Latest from ${model.title}`)}</description>
${model.stories
  .slice(0, 30)
  .map(
    (story) => `<item>
<title>${xml(story.snapshot.headline)}</title>
<link>${xml(absolute(`stories/${story.key}.html`))}</link>
<guid isPermaLink="false">${xml(story.storyId)}</guid>
<pubDate>${new Date(story.publishedAt).toUTCString()}</pubDate>
<description>${xml(story.snapshot.standfirst)}</description>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`,
  );
  const pages = [...files.keys()].filter((path) => path.endsWith('.html')).sort();
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${pages.map((path) => `<url><loc>${xml(absolute(path))}</loc></url>`).join('\n')}
</urlset>
`,
  );
  files.set('style.css', SITE_CSS);
  return { files, media };
}

/** What search engines and social networks read from a story page: description, canonical address, Open Graph and Twitter cards. */
function storyHead(story: {
  url: string | null;
  siteTitle: string;
  headline: string;
  description: string;
  image: string | null;
  publishedAt: number;
  updatedAt: number | null;
}): string {
  const meta = (attribute: 'name' | 'property', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escape(value)}">`;
  return [
    story.description ? meta('name', 'description', story.description) : '',
    story.url ? `<link rel="canonical" href="${escape(story.url)}">` : '',
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', story.headline),
    story.description ? meta('property', 'og:description', story.description) : '',
    story.url ? meta('property', 'og:url', story.url) : '',
    meta('property', 'og:site_name', story.siteTitle),
    story.image ? meta('property', 'og:image', story.image) : '',
    meta('property', 'article:published_time', new Date(story.publishedAt).toISOString()),
    story.updatedAt !== null
      ? meta('property', 'article:modified_time', new Date(story.updatedAt).toISOString())
      : '',
    meta('name', 'twitter:card', story.image ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', story.headline),
    story.description ? meta('name', 'twitter:description', story.description) : '',
    story.image ? meta('name', 'twitter:image', story.image) : '',
  ]
    .filter(Boolean)
    .map((line) => `${line}\n`)
    .join('');
}
