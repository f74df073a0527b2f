import { z } from 'zod';
import { StoryId, StoryStatus } from './story';

/** How one story points at another: an inline link in the text, or an "Also read" block. */
export const LinkKind = z.enum(['inline', 'also_read']);
export type LinkKind = z.infer<typeof LinkKind>;

/** One outgoing link of a story body. */
export interface LinkTarget {
  toId: string;
  kind: LinkKind;
}

/** Why a linked story can or cannot be followed: trashed, spiked and unknown stories are broken links. */
export const LinkState = z.enum(['ok', 'trashed', 'spiked', 'missing']);
export type LinkState = z.infer<typeof LinkState>;

/** A story at the other end of a link, as it is now (not as it was when the link was made). */
export const LinkedStory = z.object({
  id: StoryId,
  headline: z.string(),
  status: StoryStatus.nullable(),
  kinds: z.array(LinkKind),
  state: LinkState,
  broken: z.boolean(),
});
export type LinkedStory = z.infer<typeof LinkedStory>;

/** A story's links both ways: the stories its body points to, and the stories whose bodies point to it. */
export const StoryLinks = z.object({ linksTo: z.array(LinkedStory), linkedFrom: z.array(LinkedStory) });
export type StoryLinks = z.infer<typeof StoryLinks>;

/** The state of a linked story from its status and trash time; null status means it does not exist. */
export function linkStateOf(status: StoryStatus | null, trashed: boolean): LinkState {
  if (status === null) return 'missing';
  if (trashed) return 'trashed';
  return status === 'spiked' ? 'spiked' : 'ok';
}

export const linkTargetKey = ({ toId, kind }: LinkTarget): string => `${kind}:${toId}`;
