export { AlsoRead, alsoReadText, type AlsoReadAttributes, type AlsoReadOptions } from './alsoRead';
export { cleanStoryBody, STORY_BODY_LIMITS } from './cleanStoryBody';
export { CommentAnchor, isCommentId } from './commentAnchor';
export {
  Figure,
  figureText,
  isAllowedMediaSrc,
  safeImageSrc,
  type FigureAttributes,
  type FigureOptions,
} from './figure';
export { isAllowedLinkUrl, isWebUrl, normalizeLinkUrl } from './linkUrl';
export { InvalidDocumentError, parseStoryDoc, storySchema } from './parseStoryDoc';
export {
  normalizeForeignContent,
  normalizeOfficeHtml,
  parseForeignDoc,
  parseForeignHtml,
  pastedSlice,
  pasteParser,
  StoryPaste,
} from './foreignContent';
export { PullQuote } from './pullQuote';
export { SafeLink } from './safeLink';
export { escapeHtml } from './htmlString';
export { storyToHtml, type StoryHtmlOptions } from './serializeHtml';
export { countWords, readingMinutes, readingTimeLabel } from './serializeText';
export {
  readStoryDoc,
  storyToText,
  withAlsoReadHeadlines,
  type StoryDocFacts,
  type StoryDocLink,
} from './readStoryDoc';
export { storyExtensions } from './storyExtensions';
export { isStoryId } from './storyId';
export { StoryLink, type StoryLinkOptions } from './storyLink';
export { defaultStoryUrl, type MediaUrlResolver, type StoryUrlResolver } from './storyUrl';
