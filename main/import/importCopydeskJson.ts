import type Database from 'better-sqlite3';
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { InvalidDocumentError, parseStoryDoc } from '../../shared/editor';
import {
  ArchiveHeader,
  ArchiveStory,
  decodeRow,
  LOCAL_KEYS,
  STORY_CHILD_TABLES,
  STORY_COLUMN,
  type StoryChildTable,
} from '../export/archiveFormat';
import type { CallCore } from './coreCaller';
import { emptyCounts, type ImportCounts } from './importCounts';
import { ImportError } from './importError';

function columnsOf(db: Database.Database, table: string): Set<string> {
  return new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name));
}

/**
 * Rows as they were stored, written back: a story keeps its id, dates, version, status, revisions,
 * comments, links and history, so export → import is identical. A story already here (same id) is
 * replaced in place, so its publications on this install stay. Only columns this store has are used.
 */
function archiveWriter(db: Database.Database, call: CallCore) {
  const columns = new Map<string, Set<string>>();
  const columnsFor = (table: string) => {
    if (!columns.has(table)) columns.set(table, columnsOf(db, table));
    return columns.get(table)!;
  };
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
    return statements.get(sql)!;
  };
  const keep = (table: string, row: Record<string, unknown>) => {
    const known = columnsFor(table);
    const local = LOCAL_KEYS[table as StoryChildTable];
    return Object.keys(row)
      .filter((key) => known.has(key) && key !== local)
      .sort();
  };
  const insert = (table: string, row: Record<string, unknown>) => {
    const keys = keep(table, row);
    const values = decodeRow(Object.fromEntries(keys.map((key) => [key, row[key]])));
    prepared(
      `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((key) => `@${key}`).join(', ')})`,
    ).run(values);
  };
  const sectionExists = db.prepare<[string], { id: string }>('SELECT id FROM sections WHERE id = ?');
  const sectionByName = db.prepare<[string], { id: string }>('SELECT id FROM sections WHERE name = ?');
  const insertSection = db.prepare<[string, string, number, number]>(
    'INSERT INTO sections (id, name, position, created_at) VALUES (?, ?, ?, ?)',
  );
  const storyExists = db.prepare<[string], { id: string }>('SELECT id FROM stories WHERE id = ?');
  const sectionIds = new Map<string, string>();

  return {
    sections(header: ArchiveHeader, now: number) {
      for (const section of header.sections) {
        const same = sectionExists.get(section.id) ?? sectionByName.get(section.name);
        if (!same) insertSection.run(section.id, section.name, section.position, now);
        sectionIds.set(section.id, same?.id ?? section.id);
      }
    },
    async story(entry: ArchiveStory): Promise<boolean> {
      const story = { ...entry.story };
      try {
        parseStoryDoc(JSON.parse(story.body_json) as unknown);
      } catch (error) {
        const reason = error instanceof InvalidDocumentError ? error.message : 'its body is not JSON';
        throw new ImportError(`Story ${story.id} does not fit the story schema: ${reason}`);
      }
      if (typeof story.section_id === 'string') story.section_id = sectionIds.get(story.section_id) ?? null;
      for (const media of entry.media) {
        const stored = await call('media:import', { fileName: media.fileName, dataBase64: media.dataBase64 });
        if (stored.src !== media.src)
          throw new ImportError(`The image ${media.src} in the export is damaged.`);
      }
      const existed = Boolean(storyExists.get(story.id));
      if (existed) {
        const keys = keep('stories', story).filter((key) => key !== 'id');
        prepared(`UPDATE stories SET ${keys.map((key) => `${key} = @${key}`).join(', ')} WHERE id = @id`).run(
          decodeRow(story),
        );
        for (const table of STORY_CHILD_TABLES)
          prepared(`DELETE FROM ${table} WHERE ${STORY_COLUMN[table]} = ?`).run(story.id);
      } else insert('stories', story);
      for (const table of STORY_CHILD_TABLES) for (const row of entry[table]) insert(table, row);
      await call('stories:setTags', { id: story.id, tags: entry.tags });
      return !existed;
    },
  };
}

async function* archiveLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) yield line;
}

/**
 * Imports Copydesk's own JSON export, streaming it a story at a time. A file whose layout is not the
 * one `copydesk export` writes (e.g. re-indented) is read whole when it is small enough.
 */
export async function importCopydeskJson(
  file: string,
  options: {
    db: Database.Database;
    call: CallCore;
    now: () => Date;
    maxBytes: number;
    onStory?: (stories: number) => void;
  },
): Promise<ImportCounts> {
  const size = statSync(file).size;
  if (size > options.maxBytes)
    throw new ImportError(
      `${file} is over the import limit of ${Math.round(options.maxBytes / 1048576)} MB (raise it with --max-size).`,
    );
  const writer = archiveWriter(options.db, options.call);
  const counts = emptyCounts();
  const take = async (entry: unknown, where: string) => {
    const parsed = ArchiveStory.safeParse(entry);
    if (!parsed.success)
      throw new ImportError(`${where}: not a Copydesk story: ${z.prettifyError(parsed.error)}`);
    if (await writer.story(parsed.data)) counts.created++;
    else counts.updated++;
    options.onStory?.(counts.created + counts.updated);
  };
  const header = (value: unknown) => {
    const parsed = ArchiveHeader.safeParse(value);
    if (!parsed.success)
      throw new ImportError(`${file} is not a Copydesk export: ${z.prettifyError(parsed.error)}`);
    writer.sections(parsed.data, options.now().getTime());
  };

  let lineNo = 0;
  let closed = false;
  let streamed = true;
  for await (const raw of archiveLines(file)) {
    lineNo++;
    const line = raw.trim();
    if (lineNo === 1) {
      if (!line.endsWith('"stories":[')) {
        streamed = false;
        break;
      }
      header(parseJson(`${line}]}`, file, 1));
      continue;
    }
    if (closed && line) throw new ImportError(`${file}, line ${lineNo}: text after the end of the export.`);
    if (line === ']}') {
      closed = true;
      continue;
    }
    if (line) await take(parseJson(line.replace(/,$/, ''), file, lineNo), `${file}, line ${lineNo}`);
  }
  if (streamed) {
    if (!closed)
      throw new ImportError(`${file} is truncated: it ends before the closing "]}" (line ${lineNo}).`);
    return counts;
  }
  if (size > 256 * 1024 * 1024)
    throw new ImportError(
      `${file} is not in the layout copydesk export writes, and too large to read whole.`,
    );
  const { readFile } = await import('node:fs/promises');
  const whole = parseJson(await readFile(file, 'utf8'), file, 0) as { stories?: unknown };
  header(whole);
  if (!Array.isArray(whole.stories)) throw new ImportError(`${file} has no "stories" list.`);
  for (const [index, entry] of whole.stories.entries()) await take(entry, `${file}, story ${index + 1}`);
  return counts;
}

function parseJson(text: string, file: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError(
      `${file}${line ? `, line ${line}` : ''} is not valid JSON: ${(error as Error).message}`,
    );
  }
}
