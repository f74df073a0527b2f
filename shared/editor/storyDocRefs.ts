import { linkTargetKey, type LinkTarget } from '../domain/storyLinks';
import { readStoryDoc } from './readStoryDoc';

/**
 * The distinct stories a story body links to: `storyLink` marks (inline) and `alsoRead` nodes (also_read), leaving
 * out, given `selfId`, links of a story to itself. Sorted, so two sets compare as arrays.
 * @throws InvalidDocumentError when `body` is not a valid story body.
 */
export function extractLinkTargets(body: unknown, selfId?: string): LinkTarget[] {
  return readStoryDoc(body)
    .links.filter((link) => link.storyId !== selfId)
    .map(({ storyId, kind }) => ({ toId: storyId, kind }))
    .sort((a, b) => linkTargetKey(a).localeCompare(linkTargetKey(b)));
}

/**
 * Comment ids anchored in a story body, in document order, each once.
 * @throws InvalidDocumentError when `body` is not a valid story body.
 */
export const anchoredCommentIds = (body: unknown): string[] => readStoryDoc(body).commentIds;
