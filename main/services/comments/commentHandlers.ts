import type { commentChannels } from '../../../shared/ipc/channels/comments';
import type { HandlersFor } from '../../ipc/dispatch';
import type { CommentService } from './commentService';

export const commentHandlers = (comments: CommentService): HandlersFor<typeof commentChannels> => ({
  'comments:list': ({ storyId }) => comments.list(storyId),
  'comments:create': (input) => comments.create(input),
  'comments:reply': (input) => comments.reply(input),
  'comments:resolve': (input) => comments.setResolved(input),
  'comments:edit': (input) => comments.edit(input),
  'comments:delete': (input) => comments.delete(input),
});
