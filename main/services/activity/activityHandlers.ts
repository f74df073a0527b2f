import type { activityChannels } from '../../../shared/ipc/channels/activity';
import type { HandlersFor } from '../../ipc/dispatch';
import type { ActivityService } from './activityService';

export const activityHandlers = (activity: ActivityService): HandlersFor<typeof activityChannels> => ({
  'activity:list': ({ storyId, limit }) => activity.list(storyId, limit),
});
