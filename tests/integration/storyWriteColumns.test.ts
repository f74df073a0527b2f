import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_UPDATE_STATEMENTS } from '../../main/db/queries/storyQueries';
import type { Person } from '../../shared/domain/person';
import type { Story } from '../../shared/domain/story';
import { paragraph } from '../support/docs';
import { testCore } from '../support/testCore';
import { inspectDatabase } from '../support/inspectDatabase';

let core: ReturnType<typeof testCore>;
beforeEach(() => {
  core = testCore();
});
afterEach(() => core.dispose());

const call = <T = unknown>(channel: string, input?: unknown) => core.call<T>(channel, input);

const inspect = <T>(work: (db: Database.Database) => T): T => inspectDatabase(core.dir, work);

const WATCHED = ['headline', 'standfirst', 'status', 'slug_edited', 'body_json', 'body_text', 'word_count'];

/** Notes each watched column an UPDATE of `stories` sets (SQLite fires `UPDATE OF` for a column in the SET list). */
function watchColumns() {
  inspect((db) => {
    db.exec('CREATE TABLE written_columns (name TEXT NOT NULL)');
    for (const column of WATCHED)
      db.exec(`CREATE TRIGGER watch_${column} AFTER UPDATE OF ${column} ON stories
               BEGIN INSERT INTO written_columns (name) VALUES ('${column}'); END`);
  });
  return () =>
    inspect((db) => {
      const names = db.prepare('SELECT name FROM written_columns ORDER BY name').pluck().all() as string[];
      db.exec('DELETE FROM written_columns');
      return names;
    });
}

const storedLinks = (fromId: string) =>
  inspect((db) => db.prepare('SELECT to_id, kind FROM story_links WHERE from_id = ?').all(fromId));

const linkTo = (storyId: string) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'See the storm', marks: [{ type: 'storyLink', attrs: { storyId } }] }],
    },
  ],
});

describe('a story write sets only the columns it changes', () => {
  it('a status move writes the status, not the body or the headline; an edit writes what it changed', async () => {
    const editor = await call<Person>('people:create', { name: 'Ed Editor', role: 'editor' });
    await call('people:switch', { id: editor.id });
    const story = await call<Story>('stories:create', { headline: 'Budget', body: paragraph('Rates rise') });
    const written = watchColumns();

    const submitted = await call<Story>('workflow:transition', {
      storyId: story.id,
      action: 'submit',
      expectedVersion: story.version,
      note: '',
    });
    expect(written()).toEqual(['status']);
    const stored = await call<Story>('stories:get', { id: story.id });
    expect(stored).toEqual(submitted);
    expect(stored.body).toEqual(story.body);
    expect(stored.version).toBe(story.version + 1);

    const retitled = await call<Story>('stories:save', {
      id: story.id,
      expectedVersion: stored.version,
      changes: { headline: 'Budget passes' },
    });
    expect(written()).toEqual(['headline']);
    expect(retitled.slug).toBe('budget-passes');

    await call('stories:save', {
      id: story.id,
      expectedVersion: retitled.version,
      changes: { body: paragraph('Rates rise again') },
    });
    expect(written()).toEqual(['body_json', 'body_text', 'word_count']);
    const edited = await call<Story>('stories:get', { id: story.id });
    expect(edited).toMatchObject({ headline: 'Budget passes', status: 'in_review', wordCount: 3 });
    expect(edited.body).toEqual(paragraph('Rates rise again'));
  });

  it('past the statements it keeps, a new combination of changes sets every column and still saves right', async () => {
    let story = await call<Story>('stories:create', { headline: 'Budget', body: paragraph('Rates rise') });
    const written = watchColumns();
    const fields = ['standfirst', 'byline', 'dateline', 'credit', 'headline', 'body'] as const;
    // Each write changes a different set of fields: one more set than the statements kept.
    for (let mask = 1; mask <= MAX_UPDATE_STATEMENTS + 1; mask++) {
      const changes: Record<string, unknown> = {};
      fields.forEach((field, bit) => {
        if (mask & (1 << bit))
          changes[field] = field === 'body' ? paragraph(`Rates rise ${mask}`) : `${field} ${mask}`;
      });
      const saved = await call<Story>('stories:save', {
        id: story.id,
        expectedVersion: story.version,
        changes,
      });
      expect(await call<Story>('stories:get', { id: story.id })).toEqual(saved);
      expect(saved).toMatchObject(
        Object.fromEntries(Object.entries(changes).filter(([field]) => field !== 'body')),
      );
      if (changes.body) expect(saved.body).toEqual(changes.body);
      story = saved;
    }
    expect(written().filter((name) => name === 'status')).toEqual(['status']);
  });

  it('a write that keeps the body keeps its links as derived, without deriving them again', async () => {
    const storm = await call<Story>('stories:create', { headline: 'Storm' });
    const roads = await call<Story>('stories:create', { headline: 'Roads', body: linkTo(storm.id) });
    expect(storedLinks(roads.id)).toEqual([{ to_id: storm.id, kind: 'inline' }]);
    // Only the body's derivation writes links: one taken out here stays out until the body changes.
    inspect((db) => db.prepare('DELETE FROM story_links WHERE from_id = ?').run(roads.id));

    const retitled = await call<Story>('stories:save', {
      id: roads.id,
      expectedVersion: roads.version,
      changes: { headline: 'Roads close' },
    });
    expect(storedLinks(roads.id)).toEqual([]);

    await call('stories:save', {
      id: roads.id,
      expectedVersion: retitled.version,
      changes: { body: linkTo(storm.id) },
    });
    expect(storedLinks(roads.id)).toEqual([{ to_id: storm.id, kind: 'inline' }]);
  });
});
