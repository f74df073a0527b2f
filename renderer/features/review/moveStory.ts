import type { WorkflowAction } from '../../../shared/domain/workflow';
import type { DeskStoryState } from '../../../shared/ipc/channels/desk';
import type { Client } from '../../api/client';

/** How a workflow action ended: applied (the story's new version), or waiting in the outbox for the desk. */
export type MoveOutcome = { kind: 'moved'; version: number } | { kind: 'waiting' };

/** The desk refused an action (stale, or not allowed for this person): its message, for the person. */
export class DeskRefused extends Error {}

/**
 * The one way a workflow action is taken: a story on the desk asks the desk (which alone decides its
 * status, based on the version this machine saw); any other story moves here, as in solo mode.
 */
export async function moveStory(
  client: Client,
  args: {
    storyId: string;
    action: WorkflowAction;
    note: string;
    /** The story's version, for a move made here. */
    expectedVersion: number;
    onDesk: boolean;
  },
): Promise<MoveOutcome> {
  if (!args.onDesk) {
    const moved = await client.call('workflow:transition', {
      storyId: args.storyId,
      action: args.action,
      expectedVersion: args.expectedVersion,
      note: args.note,
    });
    return { kind: 'moved', version: moved.version };
  }
  const state: DeskStoryState = await client.call('desk:transition', {
    storyId: args.storyId,
    action: args.action,
    ...(args.note.trim() ? { note: args.note.trim() } : {}),
  });
  const refused = state.pending.find((entry) => entry.state === 'refused');
  if (refused) throw new DeskRefused(refused.message ?? 'The desk refused this.');
  if (state.pending.some((entry) => entry.state === 'waiting')) return { kind: 'waiting' };
  // The desk's answer moved the story row here already; its version is the one to save against.
  const story = await client.call('stories:get', { id: args.storyId });
  return { kind: 'moved', version: story.version };
}
