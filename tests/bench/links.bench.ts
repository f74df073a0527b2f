import Database from 'better-sqlite3';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { DATABASE_FILE } from '../../main/core/createCore';
import type { Story } from '../../shared/domain/story';
import { testCore } from '../support/testCore';

const ARCHIVE = Number(process.env.COPYDESK_BENCH_ARCHIVE ?? 100_000);
const WORDS = [
  'harbour',
  'bridge',
  'storm',
  'council',
  'budget',
  'election',
  'rates',
  'coast',
  'mayor',
  'ferry',
];
const SECTIONS = ['world', 'politics', 'business', 'sport'];
const POPULAR_BACKLINKS = 1_000;

let core: ReturnType<typeof testCore>;
let popular = '';
let story: Story;
let linkedBody: Record<string, unknown>;

async function value<T>(channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

/** Stories and links written straight into the file: headlines from a small vocabulary, two links each. */
function seed(db: Database.Database) {
  const newId = monotonicFactory();
  const start = Date.parse('2025-01-01T00:00:00Z');
  // A body of about 3 KB, as a real story has: the picker must not read it while scanning headlines.
  const body = JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'words '.repeat(500) }] }],
  });
  const insert = db.prepare(
    `INSERT INTO stories (id, slug, headline, section_id, status, body_json, created_at, updated_at)
     VALUES (?, '', ?, ?, ?, ?, ?, ?)`,
  );
  const link = db.prepare(`INSERT OR IGNORE INTO story_links (from_id, to_id, kind) VALUES (?, ?, 'inline')`);
  const ids: string[] = [];
  let random = 7;
  db.transaction(() => {
    for (let i = 0; i < ARCHIVE; i++) {
      const at = start + i * 60_000;
      const id = newId(at);
      const headline = `${WORDS[i % 10]} ${WORDS[(i * 7) % 10]} report ${i}`;
      const published = i % 3 === 0;
      insert.run(id, headline, SECTIONS[i % 4], published ? 'published' : 'draft', body, at, at);
      ids.push(id);
      random = (random * 48_271) % 2_147_483_647;
      if (i > 0) link.run(id, ids[random % i]);
      if (i > POPULAR_BACKLINKS && i % Math.floor(ARCHIVE / POPULAR_BACKLINKS) === 0) link.run(id, ids[0]);
    }
  })();
  popular = ids[0]!;
  linkedBody = {
    type: 'doc',
    content: Array.from({ length: 50 }, (_, i) => ({
      type: 'paragraph',
      content: [
        { type: 'text', text: `See ${i}`, marks: [{ type: 'storyLink', attrs: { storyId: ids[i * 97] } }] },
      ],
    })),
  };
}

beforeAll(async () => {
  core = testCore();
  const db = new Database(join(core.dir, DATABASE_FILE));
  const started = performance.now();
  seed(db);
  db.close();
  story = await value<Story>('stories:create', { headline: 'Bench', body: linkedBody });
  console.log(`links bench: ${ARCHIVE} stories seeded in ${Math.round(performance.now() - started)} ms`);
});
afterAll(() => core.dispose());

describe(`story links, ${ARCHIVE} stories in the store`, () => {
  bench('links:search headline prefix ("harbour bri")', async () => {
    await value('links:search', { query: 'harbour bri' });
  });
  bench('links:search words anywhere ("report 4242")', async () => {
    await value('links:search', { query: 'report 4242' });
  });
  bench('links:search with no match (scans every headline)', async () => {
    await value('links:search', { query: 'zzzzqx' });
  });
  bench('links:search empty query (recent stories)', async () => {
    await value('links:search', { query: '' });
  });
  bench(`links:forStory with ${POPULAR_BACKLINKS} backlinks`, async () => {
    await value('links:forStory', { id: popular });
  });
  bench('stories:save body with 50 story links (links unchanged)', async () => {
    story = await value<Story>('stories:save', {
      id: story.id,
      expectedVersion: story.version,
      changes: { body: linkedBody },
    });
  });
});
