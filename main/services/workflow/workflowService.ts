import type { Person } from '../../../shared/domain/person';
import type { Story } from '../../../shared/domain/story';
import {
  ACTION_LABELS,
  APPROVAL_VOIDED_NOTE,
  checkTransition,
  type QueueItem,
  type StatusChange,
  type WorkflowAction,
} from '../../../shared/domain/workflow';
import { AppError } from '../../../shared/ipc/errors';
import type { ActivityQueries } from '../../db/queries/activityQueries';
import type { RevisionQueries } from '../../db/queries/revisionQueries';
import type { ActivityService } from '../activity/activityService';
import type { PeopleService } from '../people/peopleService';
import type { SettingsService } from '../settings/settingsService';
import type { Revision } from '../../../shared/domain/revision';
import { approvalOf, approvedRevisionOf, asApproved, type Approval } from './approval';
import type { StoryService, VersionMove } from '../stories/storyService';

export interface WorkflowServiceDeps {
  stories: StoryService;
  people: PeopleService;
  activity: ActivityService;
  activityQueries: ActivityQueries;
  revisionQueries: RevisionQueries;
  settings: SettingsService;
  /** A revision's fields, to compare an approved story with what was approved. */
  revision(storyId: string, n: number): Revision;
  now: () => Date;
}

export interface TransitionInput {
  storyId: string;
  action: WorkflowAction;
  expectedVersion: number;
  note: string;
}

type MoveAction = WorkflowAction | 'publish' | 'unpublish';

const SUMMARIES: Record<MoveAction, string> = {
  submit: 'Submitted for review',
  approve: 'Approved',
  return: 'Returned to the reporter',
  draft: 'Sent back to draft',
  spike: 'Spiked',
  restore: 'Restored from the spike',
  publish: 'Published',
  unpublish: 'Taken off',
};

/** The review workflow: who may move a story between statuses, and the record of every move. */
export function createWorkflowService(deps: WorkflowServiceDeps) {
  const { stories, people, activity, activityQueries, revisionQueries, now } = deps;

  /**
   * Writes the new status of `story` (as just read, so a conflict if it has changed since) with a `status`
   * revision, a status-change row and a timeline entry, atomically.
   */
  const move = (
    story: Story,
    to: Story['status'],
    action: MoveAction,
    person: Pick<Person, 'name'> | null,
    note: string,
  ): Story =>
    revisionQueries.transaction(() => {
      const label = note ? `${SUMMARIES[action]}: ${note}` : SUMMARIES[action];
      const moved = activity.quietly(() =>
        stories.setStatus(story, to, { reason: 'status', label: label.slice(0, 200) }),
      );
      const name = person?.name ?? '';
      const revision = revisionQueries.newest(story.id)?.n ?? 1;
      const at = now().getTime();
      activityQueries.insertStatusChange({
        storyId: story.id,
        from: story.status,
        to,
        action,
        person: name,
        note,
        revision,
        at,
      });
      activity.record({
        storyId: story.id,
        kind: action === 'publish' || action === 'unpublish' ? 'publish' : 'status',
        actor: name,
        summary: label,
      });
      return moved;
    });

  /** The approved revision of an approved story, and whether it was edited since. */
  const approval = (storyId: string): Approval =>
    approvalOf(stories.get(storyId), { activityQueries, revision: deps.revision });

  return {
    /** Applies a workflow action for the current person, or refuses it (forbidden, conflict, invalid-input). */
    transition({ storyId, action, expectedVersion, note }: TransitionInput): Story {
      const person = people.requireCurrent();
      const story = stories.get(storyId);
      if (story.trashedAt !== null)
        throw new AppError('conflict', 'This story is in the trash; restore it first.');
      const check = checkTransition({
        from: story.status,
        action,
        role: person.role,
        note,
        previousStatus: action === 'restore' ? activityQueries.lastChangeTo(storyId, 'spiked')?.from : null,
      });
      if (!check.ok) throw new AppError(check.code, check.message);
      if (action === 'approve' && story.status === 'approved' && !approval(storyId).changedSinceApproval)
        throw new AppError('conflict', 'Cannot approve: the story is approved.');
      if (story.version !== expectedVersion) {
        throw new AppError(
          'conflict',
          `This story was changed elsewhere (now version ${story.version}, you had ${expectedVersion}); ${ACTION_LABELS[action].toLowerCase()} again after reloading.`,
          { currentVersion: story.version },
        );
      }
      return move(story, check.to, action, person, note.trim());
    },

    /**
     * For the publisher: marks a story published on a site (or notes a republish), keeping concurrent saves;
     * answers the story's version before and after (the same for a republish).
     */
    markPublished(storyId: string, site: string): VersionMove {
      const story = stories.get(storyId);
      if (story.status === 'published') {
        activity.record({ storyId, kind: 'publish', summary: `Republished: ${site}` });
        return { from: story.version, to: story.version };
      }
      return { from: story.version, to: move(story, 'published', 'publish', people.current(), site).version };
    },

    /** For the publisher: a story taken off its last site goes back to approved, with the move on record. */
    markUnpublished(storyId: string, site: string): Story {
      const story = stories.get(storyId);
      if (story.status !== 'published') return story;
      return move(story, 'approved', 'unpublish', people.current(), site);
    },

    /**
     * The desk decided this story's status (here or on another machine): the local row follows, with the
     * move on record like any transition, so the return note, approval and history read the same as solo.
     */
    recordFromDesk(
      storyId: string,
      to: Story['status'],
      args: { note: string | null; changedAfterApproval: boolean; actedBy?: { name: string } | null },
    ) {
      const story = stories.get(storyId);
      if (story.status === to) return story;
      const action = deskMoveAction(story.status, to);
      // The desk keeps a return's note on the story afterwards; only the return itself carries it.
      const voided = args.changedAfterApproval && to === 'in_review';
      const note = action === 'return' ? (args.note ?? '') : voided ? APPROVAL_VOIDED_NOTE : '';
      // A move the desk made itself (an approval voided by an edit) names nobody.
      return move(story, to, action, args.actedBy ?? null, note);
    },

    approval,

    /** The revision publishing would send (see approvedRevisionOf), or null. */
    approvedRevision: (storyId: string): number | null =>
      approvedRevisionOf(stories.get(storyId), activityQueries),

    /** The story as publishing sends it: the approved revision's text and fields, not later edits. */
    asPublished: (storyId: string): Story =>
      asApproved(stories.get(storyId), { activityQueries, revision: deps.revision }),

    history(storyId: string): StatusChange[] {
      stories.get(storyId);
      return activityQueries.statusChanges(storyId);
    },

    /** Stories waiting for an editor, oldest first; editors only. */
    queue(): QueueItem[] {
      const person = people.requireCurrent();
      if (person.role !== 'editor') throw new AppError('forbidden', 'Only editors have a review queue.');
      return activityQueries.reviewQueue();
    },
  };
}

/** Which move took a story from `from` to `to` on the desk (the desk sends the status, not the action). */
function deskMoveAction(from: Story['status'], to: Story['status']): MoveAction {
  if (to === 'in_review') return 'submit';
  if (to === 'approved') return from === 'published' ? 'unpublish' : 'approve';
  if (to === 'returned') return 'return';
  if (to === 'spiked') return 'spike';
  if (to === 'published') return 'publish';
  return from === 'spiked' ? 'restore' : 'draft';
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;
