import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AlsoRead } from './alsoRead';
import { CommentAnchor } from './commentAnchor';
import { Figure } from './figure';
import { PullQuote } from './pullQuote';
import { SafeLink } from './safeLink';
import { StoryLink } from './storyLink';
import type { MediaUrlResolver, StoryUrlResolver } from './storyUrl';

/** Where rendered story links and images point; by default `#story-<id>` and the stored `src`. */
export interface StoryExtensionsOptions {
  resolveStoryUrl?: StoryUrlResolver;
  resolveMediaUrl?: MediaUrlResolver;
}

/**
 * The TipTap extensions of a story body: the editor's schema, and the one the serializers use in Node.
 * Paragraphs, h2/h3, bold, italic, underline, strike, links, lists, blockquote, rule, hard break, undo/redo,
 * plus pull quote, figure, also-read, story link and comment anchor. No code marks or blocks.
 */
export function storyExtensions(options: StoryExtensionsOptions = {}): Extensions {
  const { resolveStoryUrl, resolveMediaUrl } = options;
  return [
    StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, link: false }),
    SafeLink,
    StoryLink.configure(resolveStoryUrl ? { resolveStoryUrl } : {}),
    CommentAnchor,
    PullQuote,
    Figure.configure(resolveMediaUrl ? { resolveMediaUrl } : {}),
    AlsoRead.configure(resolveStoryUrl ? { resolveStoryUrl } : {}),
  ];
}
