import type { Story } from '../../shared/domain/story';
import { exportQueries } from '../export/exportQueries';
import { isStoryId } from '../../shared/editor';
import { CliError } from './cliError';
import type { CliCore } from './openCliCore';

/** A story named on the command line by its id or, failing that, its slug. */
export async function resolveStory(cli: CliCore, which: string): Promise<Story> {
  const queries = exportQueries(cli.core.database);
  const asId = which.toUpperCase();
  const id = isStoryId(asId) && queries.story(asId) ? asId : queries.idOfSlug(which);
  if (!id) throw new CliError(`No story with the id or slug "${which}".`);
  return cli.call('stories:get', { id });
}
