import Database from 'better-sqlite3';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { CLI } from '../cliPaths';
import { generateArchive } from '../../support/archive';
import { tempDir } from '../../support/tempDir';

const STATUS: Record<string, string> = {
  draft: 'draft',
  in_review: 'pending',
  returned: 'draft',
  approved: 'future',
  published: 'publish',
  spiked: 'draft',
};

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const wxrDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * Writes a WordPress export of `count` generated stories (tests/support/archive.ts: headlines,
 * bodies, tags, sections, statuses, authors) to `file`, streaming, as WordPress 6 would write it.
 */
export async function generateWxr(file: string, count: number, seed = 1): Promise<void> {
  const scratch = tempDir('copydesk-wxr-gen-');
  // An empty folder import makes a migrated store (this script runs under tsx, which cannot load the .sql migrations).
  mkdirSync(join(scratch.path, 'empty'));
  const made = spawnSync(process.execPath, [
    CLI,
    'import',
    join(scratch.path, 'empty'),
    '--data',
    scratch.path,
    '-q',
  ]);
  if (made.status !== 0) throw new Error(`could not make a store: ${String(made.stderr)}`);
  const db = new Database(join(scratch.path, 'copydesk.db'));
  db.pragma('foreign_keys = ON');
  generateArchive(db, { count, seed });
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated Newsroom</title>
<link>https://news.example.com</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://news.example.com</wp:base_site_url>
`);
  for (const section of db.prepare('SELECT id, name FROM sections').all() as { id: string; name: string }[])
    await write(
      `<wp:category><wp:category_nicename>${section.id}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(section.name)}</wp:cat_name></wp:category>\n`,
    );
  const tags = db.prepare<[string], { name: string }>(
    'SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE st.story_id = ? ORDER BY st.position',
  );
  const rows = db
    .prepare(
      `SELECT s.rowid AS n, s.*, sec.name AS section_name FROM stories s LEFT JOIN sections sec ON sec.id = s.section_id ORDER BY s.rowid`,
    )
    .all() as Record<string, string | number | null>[];
  for (const row of rows) {
    const body = (JSON.parse(String(row.body_json)) as { content: { content: { text: string }[] }[] }).content
      .map((p) => p.content.map((t) => t.text).join(''))
      .join('\n\n');
    const terms = [
      row.section_id
        ? `<category domain="category" nicename="${row.section_id}">${cdata(String(row.section_name))}</category>`
        : '',
      ...tags
        .all(String(row.id))
        .map(
          (tag) =>
            `<category domain="post_tag" nicename="${escapeXml(tag.name.toLowerCase())}">${cdata(tag.name)}</category>`,
        ),
    ].join('');
    await write(`<item>
<title>${cdata(String(row.headline))}</title>
<link>https://news.example.com/?p=${row.n}</link>
<dc:creator>${cdata(String(row.author))}</dc:creator>
<guid isPermaLink="false">https://news.example.com/?p=${row.n}</guid>
<content:encoded>${cdata(body)}</content:encoded>
<excerpt:encoded>${cdata(String(row.standfirst))}</excerpt:encoded>
<wp:post_id>${row.n}</wp:post_id>
<wp:post_date_gmt>${wxrDate(Number(row.created_at))}</wp:post_date_gmt>
<wp:post_modified_gmt>${wxrDate(Number(row.updated_at))}</wp:post_modified_gmt>
<wp:post_name>${cdata(String(row.slug))}</wp:post_name>
<wp:status>${STATUS[String(row.status)]}</wp:status>
<wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password>
${terms}
</item>
`);
  }
  await write('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
  db.close();
  scratch.remove();
}
