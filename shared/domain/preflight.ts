import { z } from 'zod';
import type { StoryStatus } from './story';

export const PreflightLevel = z.enum(['blocker', 'warning']);

/** One finding of the pre-flight check before publishing. */
export const PreflightItem = z.object({
  level: PreflightLevel,
  code: z.enum([
    'no-headline',
    'no-body',
    'no-section',
    'not-approved',
    'changed-since-approval',
    'not-allowed',
    'spiked',
    'unpublished-link',
    'unresolved-comments',
    'no-featured-image',
    'embargo',
  ]),
  message: z.string(),
  /** For `unpublished-link`: the linked story, so the check can offer to open, publish or unlink it. */
  storyId: z.string().optional(),
});
export type PreflightItem = z.infer<typeof PreflightItem>;

/** What the pre-flight check looks at. */
export interface PreflightFacts {
  headline: string;
  wordCount: number;
  sectionId: string | null;
  status: StoryStatus;
  requireApproval: boolean;
  /** An approved story edited after its approval: publishing would send what nobody approved. */
  changedSinceApproval?: boolean;
  /** The role of the person publishing, when people are set up; only editors publish. */
  publisherRole?: 'reporter' | 'editor' | null;
  /** Linked stories that are not published on the target. */
  unpublishedLinks: { storyId: string; headline: string }[];
  unresolvedComments: number;
  featuredImage: string | null;
  embargoUntil: Date | null;
  now: Date;
}

/** Blockers first, then warnings, for a story about to be published. */
export function preflightItems(facts: PreflightFacts): PreflightItem[] {
  const items: PreflightItem[] = [];
  const block = (code: PreflightItem['code'], message: string, storyId?: string) =>
    items.push({ level: 'blocker', code, message, ...(storyId && { storyId }) });
  const warn = (code: PreflightItem['code'], message: string) =>
    items.push({ level: 'warning', code, message });
  if (facts.headline.trim() === '') block('no-headline', 'The story has no headline.');
  if (facts.wordCount === 0) block('no-body', 'The story has no body text.');
  if (facts.sectionId === null) block('no-section', 'Choose a section.');
  if (facts.publisherRole === 'reporter') block('not-allowed', 'Only an editor can publish.');
  if (facts.status === 'spiked') block('spiked', 'The story is spiked. Restore it before publishing.');
  if (
    facts.requireApproval &&
    facts.status !== 'approved' &&
    facts.status !== 'published' &&
    facts.status !== 'spiked'
  )
    block('not-approved', 'An editor must approve the story before it is published.');
  if (facts.requireApproval && facts.status === 'approved' && facts.changedSinceApproval)
    block(
      'changed-since-approval',
      'The story changed after it was approved. An editor must approve it again before it is published.',
    );
  for (const { storyId, headline } of facts.unpublishedLinks)
    block(
      'unpublished-link',
      `Links to “${headline || 'Untitled story'}”, which is not published on this site.`,
      storyId,
    );
  if (facts.unresolvedComments > 0)
    warn(
      'unresolved-comments',
      facts.unresolvedComments === 1
        ? '1 comment is unresolved.'
        : `${facts.unresolvedComments} comments are unresolved.`,
    );
  if (!facts.featuredImage) warn('no-featured-image', 'The story has no featured image.');
  if (facts.embargoUntil && facts.embargoUntil.getTime() > facts.now.getTime())
    warn(
      'embargo',
      `The story is embargoed until ${facts.embargoUntil.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    );
  return items;
}
