import type { PublishJob } from '../../../shared/domain/publication';
import type { Revision } from '../../../shared/domain/revision';
import { storyFieldsOf, type StoryFields } from '../../../shared/domain/story';
import { AppError } from '../../../shared/ipc/errors';
import type { StoryService } from '../stories/storyService';
import type { WorkflowService } from '../workflow/workflowService';
import type { DeskSync } from './deskSync';
import { sameBody } from './sameBody';

const DRAFT_SUFFIX = ' (edits after approval)';

/**
 * "Publish the approved revision" of a desk story changed after its approval: the later edits become a draft
 * of their own (on the desk, to go on with after publication), the story goes back to the text the editor
 * approved, the desk approves that text (so the story is approved again for everyone), and it is published.
 */
export function createPublishApproved(deps: {
  stories: StoryService;
  desk: Pick<DeskSync, 'status' | 'storyState' | 'share' | 'delivered' | 'transition'>;
  workflow: Pick<WorkflowService, 'approvedRevision'>;
  tags: { of(storyId: string): string[]; set(storyId: string, names: string[]): void };
  revision(storyId: string, n: number): Revision;
  publish(input: { storyId: string; targetId?: string; action: 'publish' }): PublishJob | Promise<PublishJob>;
  log?: (error: unknown) => void;
}) {
  const { stories, desk } = deps;
  const log = deps.log ?? (() => {});

  return async ({ storyId, targetId }: { storyId: string; targetId?: string }) => {
    const status = desk.status();
    if (!status.joined || !desk.storyState(storyId).onDesk)
      throw new AppError('not-found', 'This story is not on the desk.');
    if (status.person.role !== 'editor')
      throw new AppError('forbidden', 'Only an editor can publish the approved revision.');
    const story = stories.get(storyId);
    const n = deps.workflow.approvedRevision(storyId);
    if (n === null || story.status !== 'in_review' || !desk.storyState(storyId).changedAfterApproval)
      throw new AppError('conflict', 'This story has no approved revision waiting: approve it first.');
    if (!status.online)
      throw new AppError(
        'unavailable',
        'The desk is out of reach; it must approve the approved text again before it is published.',
      );

    const current = storyFieldsOf(story);
    const draft = stories.create(
      {
        ...current,
        headline: `${current.headline.slice(0, 300 - DRAFT_SUFFIX.length)}${DRAFT_SUFFIX}`,
        slug: '',
      },
      { author: story.author },
    );
    deps.tags.set(draft.id, deps.tags.of(storyId));
    await desk.share(draft.id).catch(log); // out of reach now: it goes when the desk answers (shareUnsent)

    const approved = deps.revision(storyId, n).fields;
    const changes = differences(current, approved);
    if (Object.keys(changes).length > 0)
      stories.save({ id: storyId, expectedVersion: story.version, changes });
    await desk.delivered(storyId);
    await desk.transition({ storyId, action: 'approve' });
    const refused = desk.storyState(storyId).pending.find((entry) => entry.state === 'refused');
    if (stories.get(storyId).status !== 'approved')
      throw new AppError(
        'conflict',
        refused?.message ?? 'The desk did not approve the approved text again; look at the story again.',
      );
    const job = await deps.publish({ storyId, ...(targetId ? { targetId } : {}), action: 'publish' });
    return { draftId: draft.id, job };
  };
}

function differences(current: StoryFields, approved: StoryFields): Partial<StoryFields> {
  const changes: Partial<StoryFields> = {};
  for (const key of Object.keys(approved) as (keyof StoryFields)[]) {
    if (key === 'body' ? !sameBody(current.body, approved.body) : current[key] !== approved[key])
      Object.assign(changes, { [key]: approved[key] });
  }
  return changes;
}

export type PublishApproved = ReturnType<typeof createPublishApproved>;
