import type Database from 'better-sqlite3';
import type { Person, Role } from '../../../shared/domain/person';

interface PersonRow {
  id: string;
  name: string;
  role: Role;
}

const CURRENT_KEY = 'currentPersonId';

/** People of this install, and which one is using it (a `settings` row of its own). */
export function peopleQueries(db: Database.Database) {
  const all = db.prepare<[], PersonRow>('SELECT id, name, role FROM people ORDER BY name COLLATE NOCASE, id');
  const byId = db.prepare<[string], PersonRow>('SELECT id, name, role FROM people WHERE id = ?');
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO people (id, name, role, created_at) VALUES (?, ?, ?, ?)',
  );
  const readCurrent = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeCurrent = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    list: (): Person[] => all.all(),
    get: (id: string): Person | null => byId.get(id) ?? null,
    insert(person: Person, createdAt: number): void {
      insert.run(person.id, person.name, person.role, createdAt);
    },
    currentId(): string | null {
      const row = readCurrent.get(CURRENT_KEY);
      const value: unknown = row ? JSON.parse(row.value) : null;
      return typeof value === 'string' ? value : null;
    },
    setCurrentId(id: string): void {
      writeCurrent.run(CURRENT_KEY, JSON.stringify(id));
    },
    transaction: <T>(work: () => T): T => db.transaction(work)(),
  };
}

export type PeopleQueries = ReturnType<typeof peopleQueries>;
