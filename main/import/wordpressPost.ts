import type { StoryStatus } from '../../shared/domain/story';
import { storyToText } from '../../shared/editor';
import { htmlToDoc } from './htmlToDoc';
import type { ImportedStory } from './storyWriter';
import { wordpressContentToHtml, type AttachmentUrl } from './wordpressContent';

/** A WordPress post in the terms both the export file and the REST API give. */
export interface WordPressPost {
  id: string;
  title: string;
  content: string;
  excerpt: string;
  author: string;
  slug: string;
  status: string;
  /** UTC, or null when WordPress has none (a draft never dated). */
  date: Date | null;
  modified: Date | null;
  password: boolean;
  sectionPath: string[];
  tags: string[];
  featuredImageUrl: string | null;
}

/** WordPress's post statuses we understand, as a story's status; anything else is not imported. */
export function storyStatusOf(status: string): StoryStatus | null {
  switch (status) {
    case 'publish':
      return 'published';
    case 'future':
      return 'approved';
    case 'pending':
      return 'in_review';
    case 'draft':
    case 'private':
      return 'draft';
    default:
      return null;
  }
}

/** A story has one section: the post's most specific category, with its parents (the longest path). */
export function deepestPath(paths: string[][]): string[] {
  return paths.reduce<string[]>((deepest, path) => (path.length > deepest.length ? path : deepest), []);
}

/** Plain text of a snippet of WordPress HTML (titles and excerpts carry markup and entities). */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return storyToText(htmlToDoc(`<p>${html}</p>`))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The mapping of the issue: status, dates, author → byline, excerpt → standfirst, categories → section. */
export function storyFromWordPress(post: WordPressPost, attachmentUrl?: AttachmentUrl): ImportedStory | null {
  const status = storyStatusOf(post.status);
  if (!status) return null;
  const notes: string[] = [];
  if (post.status === 'private')
    notes.push('This story was private on WordPress; it is imported as a draft.');
  if (post.password) notes.push('This story was password-protected on WordPress.');
  const created = post.date ?? post.modified ?? new Date(NaN);
  return {
    remoteId: post.id,
    headline: plainText(post.title),
    standfirst: plainText(post.excerpt),
    byline: post.author,
    slug: post.slug,
    status,
    createdAt: created,
    updatedAt: post.modified ?? created,
    embargoUntil: post.status === 'future' ? post.date : null,
    sectionPath: post.sectionPath,
    tags: post.tags,
    html: wordpressContentToHtml(post.content, attachmentUrl),
    featuredImageUrl: post.featuredImageUrl,
    notes,
  };
}
