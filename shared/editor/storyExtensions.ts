import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AlsoRead } from './alsoRead';
import { CommentAnchor } from './commentAnchor';
import { Figure } from './figure';
import { StoryPaste } from './foreignContent';
import { StoryDocument } from './foreignHtmlRules';
import { PullQuote } from './pullQuote';
import { SafeLink } from './safeLink';
import { StoryHeading } from './storyHeading';
import { StoryLink } from './storyLink';
import { StoryOrderedList } from './storyOrderedList';

/**
 * The TipTap extensions of a story body: the editor's schema, and the one the core validates, parses foreign HTML
 * with and serializes with. Paragraphs, h2/h3, bold, italic, underline, strike, links, lists, blockquote, rule, hard
 * break, undo/redo, plus pull quote, figure, also-read, story link and comment anchor, and how pastes are read.
 * No code marks or blocks.
 */
export function storyExtensions(): Extensions {
  return [
    StarterKit.configure({
      document: false,
      heading: false,
      orderedList: false,
      code: false,
      codeBlock: false,
      link: false,
    }),
    StoryDocument,
    StoryHeading,
    StoryOrderedList,
    SafeLink,
    StoryLink,
    CommentAnchor,
    PullQuote,
    Figure,
    AlsoRead,
    StoryPaste,
  ];
}
