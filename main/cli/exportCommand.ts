import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDocumentName } from '../export/exportFileNames';
import { storyDocument, type DocumentFormat } from '../export/exportDocuments';
import { exportJson } from '../export/exportJson';
import { exportQueries } from '../export/exportQueries';
import { CliError } from './cliError';
import { openCliCore } from './openCliCore';
import { writerTo } from './output';
import { startProgress } from './progress';
import { resolveStory } from './resolveStory';

export interface ExportOptions {
  data?: string;
  format: string;
  out?: string;
  since?: string;
  quiet?: boolean;
}

function sinceOf(value: string | undefined): number {
  if (!value) return 0;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(time))
    throw new CliError(`--since: "${value}" is not a date (YYYY-MM-DD or an ISO time)`, 2);
  return time;
}

/**
 * `copydesk export [id|slug]`: JSON (Copydesk's lossless export) to stdout or `--out FILE`, or HTML /
 * Markdown: one story to stdout, several as one file each in the folder `--out`.
 */
export async function exportCommand(which: string | undefined, options: ExportOptions): Promise<void> {
  const format = options.format.toLowerCase();
  if (!['json', 'html', 'md', 'markdown'].includes(format))
    throw new CliError(`--format must be json, html or md, not "${options.format}"`, 2);
  const since = sinceOf(options.since);
  const cli = openCliCore(options.data, { writes: false, command: 'export' });
  try {
    const queries = exportQueries(cli.core.database);
    const ids = which ? [(await resolveStory(cli, which)).id] : queries.storyIds(since);
    const progress = startProgress({
      label: 'export',
      total: ids.length,
      itemName: 'stories',
      quiet: options.quiet || !options.out || ids.length < 2,
    });
    if (format === 'json') {
      const stream = options.out ? createWriteStream(options.out) : process.stdout;
      await exportJson({
        queries,
        ids,
        dataDir: cli.dataDir,
        schemaVersion: cli.core.info.schemaVersion,
        now: new Date(),
        write: writerTo(stream),
        onStory: (done) => progress.update(done, done),
      });
      if (options.out)
        await new Promise<void>((resolve, reject) =>
          stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
    } else {
      const documentFormat: DocumentFormat = format === 'html' ? 'html' : 'md';
      const nameOf = exportDocumentName(queries, documentFormat);
      if (which && !options.out) {
        const story = await cli.call('stories:get', { id: ids[0]! });
        process.stdout.write(storyDocument(documentFormat, story, queries.tags(story.id), nameOf));
      } else {
        if (!options.out)
          throw new CliError('Give --out DIR to export several stories as HTML or Markdown.', 2);
        mkdirSync(options.out, { recursive: true });
        for (const [index, id] of ids.entries()) {
          const story = await cli.call('stories:get', { id });
          writeFileSync(
            join(options.out, nameOf(id)!),
            storyDocument(documentFormat, story, queries.tags(id), nameOf),
          );
          progress.update(index + 1, index + 1);
        }
      }
    }
    progress.stop();
    if (options.out) process.stderr.write(`Exported ${ids.length} stories to ${options.out}\n`);
  } finally {
    cli.close();
  }
}
