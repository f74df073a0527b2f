import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { wordpressClientFor } from '../publish/adapterRegistry';
import { createTargetService } from '../publish/targetService';
import { targetQueries } from '../db/queries/targetQueries';
import { fileSecretBox } from '../publish/secrets/fileSecretBox';
import { imageFetcher } from '../import/importImages';
import type { ImportCounts } from '../import/importCounts';
import { ImportError } from '../import/importError';
import { importCopydeskJson } from '../import/importCopydeskJson';
import { importFolder } from '../import/importFolder';
import { importWordPressSite } from '../import/importWordPressSite';
import { runInTransaction } from '../import/runInTransaction';
import { storyWriter } from '../import/storyWriter';
import { importWxr } from '../import/wxr/importWxr';
import { CliError } from './cliError';
import { openCliCore } from './openCliCore';
import { printData } from './output';
import { startProgress } from './progress';

export interface ImportOptions {
  data?: string;
  wordpress?: string;
  maxSize: string;
  images: boolean;
  json?: boolean;
  quiet?: boolean;
}

type Kind = 'wxr' | 'json' | 'folder';

function kindOf(path: string): Kind {
  if (!existsSync(path)) throw new CliError(`${path} does not exist.`);
  if (statSync(path).isDirectory()) return 'folder';
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.xml' || extension === '.wxr') return 'wxr';
  throw new CliError(
    `Cannot tell what ${path} is: give a WordPress export (.xml), a Copydesk export (.json) or a folder.`,
    2,
  );
}

function summary(counts: ImportCounts): string {
  const skipped = Object.entries(counts.skipped)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return `Imported ${counts.created + counts.updated} stories (${counts.created} new, ${counts.updated} updated)${skipped ? `; left out: ${skipped}` : ''}.`;
}

/** `copydesk import`: a WordPress export file, a live WordPress site, a folder of files or a Copydesk export. */
export async function importCommand(path: string | undefined, options: ImportOptions): Promise<void> {
  const maxMegabytes = Number(options.maxSize);
  if (!Number.isFinite(maxMegabytes) || maxMegabytes <= 0)
    throw new CliError('--max-size must be a number of megabytes', 2);
  const maxBytes = maxMegabytes * 1024 * 1024;
  if (!path && !options.wordpress)
    throw new CliError('Give a file or folder to import, or --wordpress TARGET.', 2);
  if (path && options.wordpress) throw new CliError('Give either a path or --wordpress, not both.', 2);
  const kind = path ? kindOf(path) : null;

  const cli = openCliCore(options.data, { writes: true, command: 'import' });
  const { core, call } = cli;
  const db = core.database;
  const now = () => new Date();
  const fetchImage = imageFetcher(call, { download: options.images });
  const writer = (source: string) => storyWriter({ call, db, source, fetchImage, now });
  const progress = startProgress({
    label: 'import',
    total: path && kind === 'wxr' ? statSync(path).size : 0,
    itemName: 'stories',
    quiet: options.quiet,
  });
  try {
    const counts = await runInTransaction(db, async () => {
      if (options.wordpress) {
        const targets = createTargetService({
          queries: targetQueries(db),
          secrets: fileSecretBox(cli.dataDir),
          dataDir: cli.dataDir,
          now,
        });
        const target = targets.list().find((t) => t.id === options.wordpress || t.name === options.wordpress);
        if (!target || target.kind !== 'wordpress')
          throw new CliError(`No WordPress target called "${options.wordpress}" (see the Publish settings).`);
        const record = targets.get(target.id);
        return importWordPressSite({
          client: wordpressClientFor(record, targets.secretOf(record)),
          targetId: target.id,
          db,
          call,
          writer,
          onStory: (done) => progress.update(0, done),
        });
      }
      if (kind === 'wxr')
        return importWxr(path!, {
          writer,
          maxBytes,
          onProgress: ({ bytesRead, stories }) => progress.update(bytesRead, stories),
        });
      if (kind === 'json')
        return importCopydeskJson(path!, {
          db,
          call,
          now,
          maxBytes,
          onStory: (done) => progress.update(0, done),
        });
      return importFolder(path!, { writer, maxBytes, onStory: (done) => progress.update(0, done) });
    });
    progress.stop();
    printData(Boolean(options.json), counts, () => summary(counts));
  } catch (error) {
    progress.stop();
    if (error instanceof ImportError) throw new CliError(`${error.message} Nothing was imported.`);
    throw error;
  } finally {
    cli.close();
  }
}
