import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEDIA_SRC } from '../../shared/domain/media';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  encodeRow,
  LOCAL_KEYS,
  STORY_CHILD_TABLES,
  type ArchiveHeader,
} from './archiveFormat';
import type { ExportQueries } from './exportQueries';

/** Every media path a story uses: its featured image and its figures. */
function mediaOf(story: Record<string, unknown>): string[] {
  const found = new Set<string>();
  if (typeof story.featured_image === 'string' && MEDIA_SRC.test(story.featured_image))
    found.add(story.featured_image);
  for (const match of String(story.body_json).matchAll(/"src":"(media\/[0-9a-f]{64}\.[a-z]+)"/g))
    found.add(match[1]!);
  return [...found];
}

/**
 * Writes the stories `ids` as Copydesk's JSON export, one line per story, through `write` (which may
 * wait for the output to drain). Media files travel inside, each once.
 */
export async function exportJson(options: {
  queries: ExportQueries;
  ids: string[];
  dataDir: string;
  schemaVersion: number;
  now: Date;
  write: (text: string) => Promise<void>;
  onStory?: (done: number) => void;
}): Promise<number> {
  const { queries, write } = options;
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: options.now.toISOString(),
    schemaVersion: options.schemaVersion,
    sections: queries.sections(),
  };
  await write(`${JSON.stringify(header).slice(0, -1)},"stories":[\n`);
  const sentMedia = new Set<string>();
  let done = 0;
  for (const id of options.ids) {
    const story = queries.story(id);
    if (!story) continue;
    const media = mediaOf(story)
      .filter((src) => !sentMedia.has(src))
      .flatMap((src) => {
        try {
          const data = readFileSync(join(options.dataDir, src));
          sentMedia.add(src);
          const hash = src.slice('media/'.length, src.lastIndexOf('.'));
          return [
            { src, fileName: queries.mediaName(hash) || src.slice(6), dataBase64: data.toString('base64') },
          ];
        } catch {
          return [];
        }
      });
    const entry: Record<string, unknown> = { story: encodeRow(story), tags: queries.tags(id) };
    for (const table of STORY_CHILD_TABLES)
      entry[table] = queries.children(table, id).map((row) => {
        const { [LOCAL_KEYS[table] ?? '']: _local, ...kept } = row;
        return encodeRow(kept);
      });
    entry.media = media;
    await write(`${done === 0 ? '' : ',\n'}${JSON.stringify(entry)}`);
    done++;
    options.onStory?.(done);
  }
  await write(`${done === 0 ? '' : '\n'}]}\n`);
  return done;
}
