import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/openDatabase';
import { migrations } from '../../main/db/migrations';
import { tempDir } from '../support/tempDir';

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'copydesk.db');
});
afterEach(() => dir.remove());

const tables = (db: Database.Database) =>
  db
    .prepare<[], { name: string; strict: number }>(
      // FTS5 virtual tables and their shadow tables cannot be STRICT; every ordinary table must be.
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all();

describe('openDatabase', () => {
  it('creates a new database at the newest schema, in WAL mode with foreign keys and STRICT tables', () => {
    const { db, migration } = openDatabase(file);
    expect(migration).toEqual({ from: 0, to: migrations.length, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const names = tables(db).map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(['stories', 'sections']));
    expect(tables(db).every((table) => table.strict === 1)).toBe(true);
    db.close();
    expect(existsSync(join(dir.path, 'backups'))).toBe(false);
  });

  it('opens an up-to-date database without migrating or backing up', () => {
    openDatabase(file).db.close();
    const { db, migration } = openDatabase(file);
    expect(migration.from).toBe(migration.to);
    expect(migration.backupFile).toBeNull();
    db.close();
  });

  it('backs the file up before migrating an existing database, then applies the new migrations', () => {
    const first = [
      { name: '0001', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' },
    ];
    const { db: old } = openDatabase(file, { migrations: first });
    old.prepare('INSERT INTO notes (text) VALUES (?)').run('kept');
    old.close();

    const second = [...first, { name: '0002', sql: 'ALTER TABLE notes ADD COLUMN author TEXT;' }];
    const { db, migration } = openDatabase(file, {
      migrations: second,
      now: () => new Date('2026-01-02T03:04:05Z'),
    });
    expect(migration.from).toBe(1);
    expect(migration.to).toBe(2);
    expect(migration.backupFile).toBe(join(dir.path, 'backups', 'copydesk-v1-2026-01-02T03-04-05-000Z.db'));
    expect(db.prepare('SELECT text, author FROM notes').get()).toEqual({ text: 'kept', author: null });
    db.close();

    const backup = new Database(migration.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT text FROM notes').get()).toEqual({ text: 'kept' });
    backup.close();
  });

  it('rolls a failing migration back completely', () => {
    const first = [{ name: '0001', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;' }];
    openDatabase(file, { migrations: first }).db.close();
    const broken = [
      ...first,
      { name: '0002', sql: 'CREATE TABLE extra (id INTEGER) STRICT; THIS IS NOT SQL;' },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();

    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db).map((table) => table.name)).not.toContain('extra');
    db.close();
  });

  it('refuses a database from a newer Copydesk and leaves the file untouched', () => {
    openDatabase(file).db.close();
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(/schema version 99, newer than this Copydesk understands/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir.path)).not.toContain('backups');
  });
});

describe('0011_tag_keys', () => {
  it('folds tag names beyond A–Z and merges tags that differed only in case, keeping every story tagged', () => {
    const before = migrations.findIndex((migration) => migration.name === '0011_tag_keys');
    const { db: old } = openDatabase(file, { migrations: migrations.slice(0, before) });
    const story = old.prepare(
      "INSERT INTO stories (id, body_json, created_at, updated_at) VALUES (?, '{}', 0, 0)",
    );
    const tag = old.prepare<[string]>('INSERT INTO tags (name, created_at) VALUES (?, 0)');
    const assign = old.prepare('INSERT INTO story_tags (story_id, tag_id, position) VALUES (?, ?, ?)');
    for (const id of ['a', 'b', 'c']) story.run(id);
    const [economie, lower, seoul] = ['Économie', 'économie', 'Seoul'].map((name) =>
      Number(tag.run(name).lastInsertRowid),
    );
    assign.run('a', economie, 0);
    assign.run('a', seoul, 1);
    assign.run('b', seoul, 0);
    assign.run('b', lower, 1);
    assign.run('c', lower, 0);
    assign.run('c', economie, 1);
    old.close();

    const { db } = openDatabase(file);
    expect(db.prepare('SELECT id, name, name_key FROM tags ORDER BY id').all()).toEqual([
      { id: economie, name: 'Économie', name_key: 'économie' },
      { id: seoul, name: 'Seoul', name_key: 'seoul' },
    ]);
    const tagsOf = (id: string) =>
      db
        .prepare(
          'SELECT t.name FROM story_tags st JOIN tags t ON t.id = st.tag_id WHERE story_id = ? ORDER BY position',
        )
        .pluck()
        .all(id);
    expect([tagsOf('a'), tagsOf('b'), tagsOf('c')]).toEqual([
      ['Économie', 'Seoul'],
      ['Seoul', 'Économie'],
      ['Économie'],
    ]);
    expect(() =>
      db.prepare("INSERT INTO tags (name, name_key, created_at) VALUES ('économie', 'économie', 0)").run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('the migration list', () => {
  const folder = join(import.meta.dirname, '../../main/db/migrations');
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.sql'))
    .sort();

  it('lists every .sql file of main/db/migrations once, in the order of their numbers, with their text', () => {
    expect(migrations.map((migration) => `${migration.name}.sql`)).toEqual(files);
    expect(files.map((name) => Number(name.slice(0, 4)))).toEqual(files.map((_, index) => index + 1));
    migrations.forEach((migration, index) =>
      expect(migration.sql, migration.name).toBe(readFileSync(join(folder, files[index]!), 'utf8')),
    );
  });

  it('applies them one at a time in order, each step leaving user_version at its number', () => {
    for (let count = 1; count <= migrations.length; count++) {
      const { db, migration } = openDatabase(file, { migrations: migrations.slice(0, count) });
      expect(migration, migrations[count - 1]!.name).toMatchObject({ from: count - 1, to: count });
      expect(db.pragma('user_version', { simple: true })).toBe(count);
      db.close();
    }
  });
});

describe('0012_drop_story_published_at', () => {
  it('drops stories.published_at and its index, keeping the stories', () => {
    const before = migrations.findIndex((migration) => migration.name === '0012_drop_story_published_at');
    const { db: old } = openDatabase(file, { migrations: migrations.slice(0, before) });
    old
      .prepare(
        "INSERT INTO stories (id, headline, status, body_json, created_at, updated_at, published_at) VALUES ('a', 'Out', 'published', '{}', 0, 0, 5)",
      )
      .run();
    old.close();

    const { db } = openDatabase(file);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('stories');
    expect(columns).not.toContain('published_at');
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'stories_section_published'").get()).toBe(
      undefined,
    );
    expect(db.prepare('SELECT headline, status FROM stories').all()).toEqual([
      { headline: 'Out', status: 'published' },
    ]);
    db.close();
  });
});
