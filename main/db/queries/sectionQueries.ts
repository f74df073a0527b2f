import type Database from 'better-sqlite3';
import type { Section } from '../../../shared/domain/section';

export function sectionQueries(db: Database.Database) {
  const all = db.prepare<[], Section>('SELECT id, name, position FROM sections ORDER BY position, name');
  const byId = db.prepare<[string], Section>('SELECT id, name, position FROM sections WHERE id = ?');
  const byName = db.prepare<[string], Section>('SELECT id, name, position FROM sections WHERE name = ?');
  const nextPosition = db.prepare<[], { next: number }>(
    'SELECT coalesce(max(position) + 1, 0) AS next FROM sections',
  );
  const insert = db.prepare<[string, string, number, number]>(
    'INSERT INTO sections (id, name, position, created_at) VALUES (?, ?, ?, ?)',
  );
  const rename = db.prepare<[string, string]>('UPDATE sections SET name = ? WHERE id = ?');
  const place = db.prepare<[number, string]>('UPDATE sections SET position = ? WHERE id = ?');
  return {
    list: (): Section[] => all.all(),
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    get: (id: string): Section | null => byId.get(id) ?? null,
    /** The section with this name, ignoring case. */
    byName: (name: string): Section | null => byName.get(name) ?? null,
    nextPosition: (): number => nextPosition.get()!.next,
    insert: (section: Section, createdAt: number): void =>
      void insert.run(section.id, section.name, section.position, createdAt),
    rename: (id: string, name: string): void => void rename.run(name, id),
    setPosition: (id: string, position: number): void => void place.run(position, id),
  };
}
