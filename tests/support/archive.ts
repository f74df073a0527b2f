import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tagKey } from '../../shared/domain/tag';

const PLACES = [
  'Seoul',
  'Busan',
  'Incheon',
  'Daegu',
  'Gwangju',
  'Tokyo',
  'Beijing',
  'Washington',
  'Brussels',
  'Jeju',
  'Ulsan',
  'Daejeon',
];
const SUBJECTS = [
  'Central bank',
  'City council',
  'Harbour authority',
  'Union leaders',
  'Health ministry',
  'Exporters',
  'Prosecutors',
  'Weather agency',
  'Tech giant',
  'National team',
  'Opposition party',
  'Researchers',
  'Rail operator',
  'School board',
  'Film festival',
];
const VERBS = [
  'holds',
  'raises',
  'cuts',
  'approves',
  'rejects',
  'delays',
  'unveils',
  'probes',
  'warns over',
  'celebrates',
  'reviews',
  'defends',
  'expands',
  'scraps',
  'backs',
];
const OBJECTS = [
  'interest rates',
  'night bus network',
  'bridge repairs',
  'wage deal',
  'vaccine rollout',
  'chip exports',
  'bribery case',
  'typhoon warning',
  'battery plant',
  'World Cup squad',
  'housing plan',
  'climate targets',
  'fare rise',
  'exam reform',
  'opening gala',
];
const CODAS = [
  'amid protests',
  'after long talks',
  'despite warnings',
  'for the first time',
  'as prices climb',
  'ahead of elections',
  'in surprise move',
  '',
  '',
  '',
];
const SENTENCES = [
  'Officials said the decision followed months of consultation with residents and businesses.',
  'The announcement came shortly after markets opened on {day} morning.',
  'Critics argued the plan would do little to ease pressure on households in {place}.',
  '“We have listened carefully and we will act,” a spokesperson told reporters.',
  'Analysts expect the move to shape the debate over {object} for the rest of the year.',
  'The figures, published by the statistics office, showed a rise of {n} percent on the year.',
  'Residents in {place} gathered outside the building to follow the vote.',
  'The committee is due to meet again next month to review progress.',
  'Opposition lawmakers called for an inquiry into how the {object} was handled.',
  'Shares in the company fell {n} percent in early trading before recovering.',
  'Emergency services were placed on alert as the storm approached {place}.',
  'The ministry said a fuller statement would follow later in the week.',
  'Union representatives described the offer as a first step rather than a solution.',
  'The project, first proposed a decade ago, has cost {n} billion won so far.',
  'Local shop owners said trade had already begun to pick up.',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TAG_POOL = [
  ...PLACES,
  ...OBJECTS.map((o) => o.replace(/\b\w/gu, (c) => c.toUpperCase())),
  'Economy',
  'Elections',
  'Weather',
  'Transport',
  'Health',
  'Education',
  'Housing',
  'Energy',
  'Football',
  'Baseball',
  'Courts',
  'Climate',
  'Trade',
  'Technology',
  'Culture',
  'Film',
  'Music',
  'K-pop',
  'North Korea',
  'Diplomacy',
  'Labour',
  'Markets',
  'Banking',
  'Crime',
  'Environment',
  'Science',
  'Space',
  'Tourism',
  'Food',
  'Breaking',
];
const AUTHORS = [
  'Mina Park',
  'Ji-ho Kim',
  'Seo-yeon Lee',
  'Daniel Cho',
  'Hana Yoon',
  'Tom Baker',
  'Aisha Rahman',
  'Jun Oh',
  'Clara Weiss',
  'Minsu Jang',
  'Priya Nair',
  'Leo Han',
];
const STATUSES = [
  'draft',
  'draft',
  'draft',
  'in_review',
  'returned',
  'approved',
  'published',
  'published',
  'published',
  'published',
  'spiked',
];
const SECTIONS = [
  'top-news',
  'world',
  'politics',
  'business',
  'science',
  'sport',
  'culture',
  'opinion',
  null,
];
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A small seeded PRNG (mulberry32), so an archive is the same every time for the same seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

function ulidAt(time: number, rnd: () => number): string {
  let id = '';
  for (let i = 9, t = time; i >= 0; i--, t = Math.floor(t / 32)) id = CROCKFORD[t % 32]! + id;
  for (let i = 0; i < 16; i++) id += CROCKFORD[Math.floor(rnd() * 32)]!;
  return id;
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
    .replace(/-+$/u, '');

export interface ArchiveOptions {
  count: number;
  seed?: number;
  /** The newest story's last change; the archive spreads back three years from it. */
  now?: number;
}

/**
 * Fills the store with realistic generated stories (headlines, standfirsts, bodies, tags, sections,
 * statuses, authors) in one transaction; the search index follows through its triggers.
 */
export function generateArchive(
  db: Database.Database,
  options: ArchiveOptions,
): { stories: number; tags: number } {
  const r = random(options.seed ?? 1);
  const now = options.now ?? Date.parse('2026-03-01T09:00:00Z');
  const span = 3 * 365 * 86_400_000;
  const insertStory = db.prepare(
    `INSERT INTO stories (id, slug, headline, standfirst, byline, dateline, credit, section_id, status,
       body_json, body_text, word_count, author, created_at, updated_at, version)
     VALUES (@id, @slug, @headline, @standfirst, @byline, @dateline, @credit, @section_id, @status,
       @body_json, @body_text, @word_count, @author, @created_at, @updated_at, 1)`,
  );
  const findTag = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name_key = ?');
  const insertTag = db.prepare<[string, string, number]>(
    'INSERT INTO tags (name, name_key, created_at) VALUES (?, ?, ?)',
  );
  const assign = db.prepare<[string, number, number]>(
    'INSERT OR IGNORE INTO story_tags (story_id, tag_id, position) VALUES (?, ?, ?)',
  );
  const fill = (sentence: string) =>
    sentence
      .replace('{day}', r.pick(DAYS))
      .replace('{place}', r.pick(PLACES))
      .replace('{object}', r.pick(OBJECTS))
      .replace('{n}', String(r.int(2, 48)));

  return db.transaction(() => {
    const tagIds = TAG_POOL.map(
      (name) =>
        findTag.get(tagKey(name))?.id ?? Number(insertTag.run(name, tagKey(name), now).lastInsertRowid),
    );
    for (let i = 0; i < options.count; i++) {
      const updated = now - Math.floor(r.next() * span);
      const created = updated - r.int(0, 5 * 86_400_000);
      const place = r.pick(PLACES);
      const object = r.pick(OBJECTS);
      const headline = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${object} ${r.pick(CODAS)}`
        .trim()
        .replace(/^\w/u, (c) => c.toUpperCase());
      const standfirst = `${fill(r.pick(SENTENCES))} ${fill(r.pick(SENTENCES))}`;
      const paragraphs = Array.from({ length: r.int(3, 6) }, () =>
        Array.from({ length: r.int(2, 3) }, () => fill(r.pick(SENTENCES))).join(' '),
      );
      const bodyText = paragraphs.join('\n\n');
      const author = r.pick(AUTHORS);
      const id = ulidAt(created, r.next);
      insertStory.run({
        id,
        slug: slugOf(headline),
        headline,
        standfirst,
        byline: `By ${author}`,
        dateline: place.toUpperCase(),
        credit: r.next() < 0.3 ? 'reports Yonhap' : '',
        section_id: r.pick(SECTIONS),
        status: r.pick(STATUSES),
        body_json: JSON.stringify({
          type: 'doc',
          content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
        }),
        body_text: bodyText,
        word_count: bodyText.split(/\s+/u).length,
        author,
        created_at: created,
        updated_at: updated,
      });
      const count = r.int(0, 4);
      for (let t = 0; t < count; t++) assign.run(id, r.pick(tagIds), t);
    }
    return { stories: options.count, tags: tagIds.length };
  })();
}

// `npx tsx tests/support/archive.ts <data dir> [count] [seed]` fills an existing (migrated) store.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, count = '1000', seed = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx tests/support/archive.ts <data dir> [count] [seed]');
    process.exit(2);
  }
  const file = join(dir, 'copydesk.db');
  const ready =
    existsSync(file) &&
    new Database(file).prepare("SELECT 1 FROM sqlite_master WHERE name = 'story_tags'").get();
  if (!ready) {
    console.error(
      `No Copydesk store with tags in ${dir}: start Copydesk on it once (npm run serve -- --data ${dir} --no-open).`,
    );
    process.exit(1);
  }
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  const started = performance.now();
  const made = generateArchive(db, { count: Number(count), seed: Number(seed), now: Date.now() });
  db.close();
  console.log(
    `archive: ${made.stories} stories, ${made.tags} tags in ${Math.round(performance.now() - started)} ms`,
  );
}
