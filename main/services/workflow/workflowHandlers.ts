import type { workflowChannels } from '../../../shared/ipc/channels/workflow';
import type { HandlersFor } from '../../ipc/dispatch';
import type { WorkflowService } from './workflowService';

export const workflowHandlers = (workflow: WorkflowService): HandlersFor<typeof workflowChannels> => ({
  'workflow:transition': (input) => workflow.transition(input),
  'workflow:history': ({ storyId }) => workflow.history(storyId),
  'workflow:queue': () => workflow.queue(),
  'workflow:approval': ({ storyId }) => workflow.approval(storyId),
});
