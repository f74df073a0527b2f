import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import type { publishChannels } from '../../shared/ipc/channels/publish';
import type { targetChannels } from '../../shared/ipc/channels/targets';
import type { HandlersFor } from '../ipc/dispatch';
import type { PublishOutbox } from './publishOutbox';
import type { PublishPreflight } from './publishPreflight';
import type { TargetService } from './targetService';

export const targetHandlers = (
  targets: TargetService,
  openSite?: (folder: string) => Promise<void>,
): HandlersFor<typeof targetChannels> => ({
  'targets:list': () => targets.list(),
  'targets:save': (input) => targets.save(input),
  'targets:remove': ({ id }) => ({ removed: targets.remove(id) }),
  'targets:test': (input) => targets.test(input),
  'targets:viewSite': async ({ id }) => {
    const target = targets.get(id);
    const folder = targets.folderOf(target);
    if (!existsSync(join(folder, 'index.html')))
      throw new AppError('not-found', 'Nothing is published on the static site yet.');
    if (openSite) {
      await openSite(folder);
      return { url: null, folder };
    }
    return { url: 'site/index.html', folder };
  },
});

export const publishHandlers = (
  preflight: PublishPreflight,
  outbox: PublishOutbox,
): HandlersFor<typeof publishChannels> => ({
  'publish:preflight': (input) => preflight.check(input),
  'publish:chooseTarget': ({ storyId, targetId }) => preflight.chooseTarget(storyId, targetId),
  'publish:start': (input) => outbox.start(input),
  'publish:status': ({ storyId }) => preflight.status(storyId),
  'publish:overwrite': ({ id }) => outbox.overwrite(id),
  'publish:retry': ({ id }) => outbox.retry(id),
});
