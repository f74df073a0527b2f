import type { DeskStoryState } from '../../../shared/ipc/channels/desk';
import { useQueryCall } from '../../api/useQueryCall';

/** The desk's word on a story when this machine joined a desk (null in solo mode), and whether it joined. */
export function useDeskStory(storyId: string): { joined: boolean; desk: DeskStoryState | null } {
  const status = useQueryCall('desk:status', {}).value;
  const joined = status?.joined === true;
  const state = useQueryCall('desk:storyState', joined ? { storyId } : null).value;
  return { joined, desk: joined && state ? state : null };
}
