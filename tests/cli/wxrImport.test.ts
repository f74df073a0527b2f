import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, cliJson, runCli, useCliScratch } from './cliRunner';

interface Counts {
  created: number;
  updated: number;
  skipped: Record<string, number>;
}

/** Posts by status as the fixtures' README gives them (taken there with an XML parser). */
const README_COUNTS: Record<
  string,
  { total: number; published?: number; approved?: number; draft?: number }
> = {
  'themeunittestdata.wordpress.xml': { total: 51, published: 49, approved: 1, draft: 1 },
  'wptest.xml': { total: 37, published: 35, approved: 1, draft: 1 },
  'theme-unit-test-data.xml': { total: 58 },
  'small-export.xml': { total: 6, published: 5, draft: 1 },
  'wptrt-theme-preview.xml': { total: 7 },
};
const BROKEN = ['crazy-cdata.xml', 'malformed.xml'];

/** For the files the README gives no numbers for: posts in a status we import, counted by a plain regex. */
function postsIn(file: string): number {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  return [...text.matchAll(/<item>([\s\S]*?)<\/item>/g)].filter(([, item]) => {
    const type = /<wp:post_type>(?:<!\[CDATA\[)?(\w+)/.exec(item!)?.[1];
    const status = /<wp:status>(?:<!\[CDATA\[)?(\w+)/.exec(item!)?.[1] ?? '';
    return type === 'post' && ['publish', 'draft', 'pending', 'future', 'private'].includes(status);
  }).length;
}

const open = (dir: string) => new Database(join(dir, 'copydesk.db'), { readonly: true });
const storyCount = (dir: string) => {
  const db = open(dir);
  try {
    return db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number };
  } finally {
    db.close();
  }
};

const HOSTILE = [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i];

const newDir = useCliScratch();

describe('copydesk import <WordPress export>', { timeout: 120_000 }, () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.xml') && !BROKEN.includes(file));

  it.each(files)(
    'imports %s with the counts of its README, leaving no script, handler or javascript: URL',
    async (file) => {
      const data = newDir();
      const counts = await cliJson<Counts>(['import', join(FIXTURES, file), '--data', data, '--no-images']);
      const expected = README_COUNTS[file] ?? { total: postsIn(file) };
      expect(counts.created).toBe(expected.total);
      expect(counts.updated).toBe(0);
      const db = open(data);
      const byStatus = Object.fromEntries(
        (
          db.prepare('SELECT status, count(*) AS n FROM stories GROUP BY status').all() as {
            status: string;
            n: number;
          }[]
        ).map((row) => [row.status, row.n]),
      );
      const rows = db
        .prepare('SELECT headline, standfirst, body_json, body_text FROM stories')
        .all() as Record<string, string>[];
      db.close();
      expect(rows).toHaveLength(expected.total);
      for (const status of ['published', 'approved', 'draft'] as const)
        if (expected[status] !== undefined) expect(byStatus[status] ?? 0, status).toBe(expected[status]);
      for (const row of rows) {
        for (const pattern of HOSTILE) expect(row.body_json).not.toMatch(pattern);
        expect(row.body_text).not.toMatch(/\[(caption|gallery|embed)\b/);
        expect(row.body_json).not.toMatch(/<!-- \/?wp:(paragraph|image|gallery|heading)/);
      }
      // what a reader would get: every story rendered as HTML
      const out = join(newDir(), 'html');
      expect((await runCli(['export', '--data', data, '--format', 'html', '--out', out, '-q'])).code).toBe(0);
      for (const name of readdirSync(out)) {
        const html = readFileSync(join(out, name), 'utf8');
        for (const pattern of HOSTILE) expect(html, name).not.toMatch(pattern);
      }
    },
  );

  it.each(BROKEN)('refuses %s (not well-formed) with a clear error and imports nothing', async (file) => {
    const data = newDir();
    const run = await runCli(['import', join(FIXTURES, file), '--data', data, '--no-images']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not well-formed XML \(line \d+, column \d+\).*Nothing was imported/s);
    expect(storyCount(data).n).toBe(0);
  });

  it('maps the Theme Unit Test data: byline, standfirst, nested sections, tags, dates, placeholders and notes', async () => {
    const data = newDir();
    await cliJson([
      'import',
      join(FIXTURES, 'themeunittestdata.wordpress.xml'),
      '--data',
      data,
      '--no-images',
    ]);
    const db = open(data);
    const story = (headline: string) =>
      db.prepare('SELECT * FROM stories WHERE headline = ?').get(headline) as Record<
        string,
        string | number | null
      >;
    const tagsOf = (id: unknown) =>
      (
        db
          .prepare('SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE story_id = ?')
          .all(id) as { name: string }[]
      ).map((t) => t.name);
    const notesOf = (id: unknown) =>
      (db.prepare('SELECT text FROM comments WHERE story_id = ?').all(id) as { text: string }[]).map(
        (n) => n.text,
      );

    const excerpt = story('Template: Excerpt (Defined)');
    expect(excerpt.standfirst).toMatch(/^This is a user-defined post excerpt/);
    // dc:creator is the login 'themedemos'; the byline is that author's display name
    expect(excerpt.byline).toBe('Theme Buster');
    expect(excerpt.status).toBe('published');
    expect(new Date(Number(excerpt.created_at)).toISOString()).toBe('2012-03-15T21:38:08.000Z');
    expect(tagsOf(excerpt.id)).toEqual(
      expect.arrayContaining(['content περιεχόμενο', 'excerpt', 'template']),
    );

    const untitled = db.prepare("SELECT * FROM stories WHERE headline = 'Untitled imported story'").all() as {
      id: string;
    }[];
    expect(untitled).toHaveLength(1);
    expect(notesOf(untitled[0]!.id).join('\n')).toMatch(/no title/);

    const sections = (db.prepare('SELECT name FROM sections').all() as { name: string }[]).map((s) => s.name);
    expect(sections.some((name) => name.includes(' › '))).toBe(true);

    const scheduled = db.prepare("SELECT * FROM stories WHERE status = 'approved'").get() as {
      embargo_until: number | null;
    };
    expect(scheduled.embargo_until).not.toBeNull();

    const caption = story('Markup: Image Alignment');
    expect(String(caption.body_text)).toContain('[Missing image');
    const featured = story('Template: Featured Image (Horizontal)');
    expect(notesOf(featured.id).join('\n')).toMatch(/Missing featured image: https:\/\//);
    db.close();
  });

  it('updates instead of duplicating when the same export is imported again', async () => {
    const data = newDir();
    const file = join(FIXTURES, 'wptest.xml');
    const first = await cliJson<Counts>(['import', file, '--data', data, '--no-images']);
    const again = await cliJson<Counts>(['import', file, '--data', data, '--no-images']);
    expect(again).toEqual({ ...first, created: 0, updated: first.created });
    expect(storyCount(data).n).toBe(first.created);
  });

  it('refuses a truncated file, another encoding and a file over --max-size, keeping nothing', async () => {
    const data = newDir();
    const text = readFileSync(join(FIXTURES, 'small-export.xml'), 'utf8');
    const truncated = join(newDir(), 'truncated.xml');
    writeFileSync(truncated, text.slice(0, Math.floor(text.length * 0.8)));
    const latin = join(newDir(), 'latin.xml');
    writeFileSync(latin, text.replace(/encoding="UTF-8"/i, 'encoding="ISO-8859-1"'));
    const truncatedRun = await runCli(['import', truncated, '--data', data]);
    expect(truncatedRun.code).toBe(1);
    expect(truncatedRun.stderr).toMatch(/not well-formed XML/);
    const latinRun = await runCli(['import', latin, '--data', data]);
    expect(latinRun.code).toBe(1);
    expect(latinRun.stderr).toMatch(/encoding "ISO-8859-1"/);
    const bigRun = await runCli([
      'import',
      join(FIXTURES, 'small-export.xml'),
      '--data',
      data,
      '--max-size',
      '0.001',
    ]);
    expect(bigRun.code).toBe(1);
    expect(bigRun.stderr).toMatch(/over the import limit/);
    expect(storyCount(data).n).toBe(0);
  });
});

describe('copydesk import: images', { timeout: 120_000 }, () => {
  it('downloads the body images and the featured image when reachable, into the media store', async () => {
    const { createServer } = await import('node:http');
    const { png } = await import('../support/png');
    const images: Record<string, Buffer> = { '/photo.png': png(8, 6, 1), '/feature.png': png(5, 5, 2) };
    const server = createServer((request, response) => {
      const image = images[request.url ?? ''];
      response.writeHead(image ? 200 : 404, { 'content-type': 'image/png' }).end(image);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const file = join(newDir(), 'images.xml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
<channel><title>Images</title><link>${base}</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Harbour at dawn</title><dc:creator>mina</dc:creator>
<content:encoded><![CDATA[First light.

[caption id="attachment_9" width="300"]<img src="${base}/photo.png" alt="Harbour"> The harbour at dawn[/caption]

<img src="${base}/gone.png" alt="Gone">]]></content:encoded>
<wp:post_id>5</wp:post_id><wp:post_date_gmt>2024-05-01 06:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta></item>
<item><title>feature</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status>
<wp:attachment_url>${base}/feature.png</wp:attachment_url></item>
</channel></rss>`,
    );
    const data = newDir();
    try {
      await cliJson(['import', file, '--data', data]);
    } finally {
      server.close();
    }
    const db = open(data);
    const story = db.prepare('SELECT * FROM stories').get() as {
      body_json: string;
      body_text: string;
      featured_image: string;
    };
    const media = db.prepare('SELECT count(*) AS n FROM media').get() as { n: number };
    db.close();
    const figure = (
      JSON.parse(story.body_json) as { content: { type: string; attrs?: Record<string, string> }[] }
    ).content.find((node) => node.type === 'figure');
    expect(figure?.attrs).toMatchObject({ alt: 'Harbour', caption: 'The harbour at dawn' });
    expect(figure?.attrs?.src).toMatch(/^media\/[0-9a-f]{64}\.png$/);
    expect(story.featured_image).toMatch(/^media\/[0-9a-f]{64}\.png$/);
    expect(media.n).toBe(2);
    expect(story.body_text).toContain(`[Missing image: Gone — ${base}/gone.png]`);
  });
});
