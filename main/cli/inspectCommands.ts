import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { migrations } from '../db/migrations';
import { CliError } from './cliError';
import { openCliCore } from './openCliCore';
import { printData } from './output';

const count = (db: Database.Database, sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;

function counts(db: Database.Database) {
  return {
    stories: count(db, 'SELECT count(*) FROM stories WHERE trashed_at IS NULL'),
    trashed: count(db, 'SELECT count(*) FROM stories WHERE trashed_at IS NOT NULL'),
    revisions: count(db, 'SELECT count(*) FROM revisions'),
    tags: count(db, 'SELECT count(*) FROM tags'),
    sections: count(db, 'SELECT count(*) FROM sections'),
    comments: count(db, 'SELECT count(*) FROM comments'),
    links: count(db, 'SELECT count(*) FROM story_links'),
    media: count(db, 'SELECT count(*) FROM media'),
    publications: count(db, "SELECT count(*) FROM publications WHERE state = 'published'"),
    pendingJobs: count(
      db,
      "SELECT count(*) FROM publish_jobs WHERE state IN ('queued', 'running', 'waiting', 'paused')",
    ),
  };
}

/** `copydesk check`: SQLite integrity, foreign keys, the search index, the schema version and counts. Exit 1 on any problem. */
export async function checkCommand(options: { data?: string; json?: boolean }) {
  const cli = openCliCore(options.data, { writes: false, command: 'check' });
  try {
    const db = cli.core.database;
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok')
      problems.push(...integrity.map((row) => `integrity: ${row.integrity_check}`));
    for (const row of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[])
      problems.push(`foreign key: ${row.table} row ${row.rowid} points at a missing ${row.parent}`);
    try {
      db.prepare("INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)").run();
    } catch (error) {
      problems.push(`search index: ${(error as Error).message}`);
    }
    const unindexed = count(
      db,
      'SELECT count(*) FROM stories s LEFT JOIN story_search_ids ss ON ss.story_id = s.id WHERE ss.search_id IS NULL',
    );
    if (unindexed > 0) problems.push(`search index: ${unindexed} stories are not indexed`);
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    if (schemaVersion !== migrations.length)
      problems.push(`schema version ${schemaVersion}, expected ${migrations.length}`);
    const report = { ok: problems.length === 0, schemaVersion, problems, counts: counts(db) };
    printData(Boolean(options.json), report, () =>
      [
        `${report.ok ? 'OK' : 'PROBLEMS'}: ${cli.core.info.databaseFile}, schema version ${schemaVersion}`,
        ...problems.map((problem) => `  ! ${problem}`),
        ...Object.entries(report.counts).map(([name, n]) => `  ${name}: ${n}`),
      ].join('\n'),
    );
    if (!report.ok) throw new CliError(`check found ${problems.length} problem(s)`);
  } finally {
    cli.close();
  }
}

/** `copydesk stats`: the archive in numbers. */
export async function statsCommand(options: { data?: string; json?: boolean }) {
  const cli = openCliCore(options.data, { writes: false, command: 'stats' });
  try {
    const db = cli.core.database;
    const byStatus = Object.fromEntries(
      (
        db
          .prepare(
            'SELECT status, count(*) AS n FROM stories WHERE trashed_at IS NULL GROUP BY status ORDER BY status',
          )
          .all() as {
          status: string;
          n: number;
        }[]
      ).map((row) => [row.status, row.n]),
    );
    const bySection = db
      .prepare(
        `SELECT coalesce(sec.name, '(none)') AS section, count(*) AS stories FROM stories s
         LEFT JOIN sections sec ON sec.id = s.section_id WHERE s.trashed_at IS NULL
         GROUP BY sec.name ORDER BY stories DESC, section LIMIT 20`,
      )
      .all() as { section: string; stories: number }[];
    const topTags = db
      .prepare(
        `SELECT t.name AS tag, count(*) AS stories FROM story_tags st JOIN tags t ON t.id = st.tag_id
         GROUP BY t.id ORDER BY stories DESC, t.name LIMIT 10`,
      )
      .all() as { tag: string; stories: number }[];
    const stats = {
      ...counts(db),
      words: count(db, 'SELECT coalesce(sum(word_count), 0) FROM stories WHERE trashed_at IS NULL'),
      byStatus,
      bySection,
      topTags,
      databaseBytes: statSync(cli.core.info.databaseFile).size,
    };
    printData(Boolean(options.json), stats, () =>
      [
        `${stats.stories} stories (${stats.trashed} in the trash), ${stats.words} words`,
        `by status: ${
          Object.entries(byStatus)
            .map(([status, n]) => `${status} ${n}`)
            .join(', ') || 'none'
        }`,
        `by section: ${bySection.map((row) => `${row.section} ${row.stories}`).join(', ') || 'none'}`,
        `top tags: ${topTags.map((row) => `${row.tag} ${row.stories}`).join(', ') || 'none'}`,
        `${stats.tags} tags, ${stats.comments} comments, ${stats.revisions} revisions, ${stats.links} links, ${stats.media} images`,
        `${stats.publications} published, ${stats.pendingJobs} jobs waiting; database ${(stats.databaseBytes / 1048576).toFixed(1)} MB`,
      ].join('\n'),
    );
  } finally {
    cli.close();
  }
}
