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
  const all = db.prepare<[], PersonRow>(
    'SELECT id, name, role FROM people WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, id',
  );
  const remove = db.prepare<[number, string]>(
    'UPDATE people SET removed_at = ? WHERE id = ? AND removed_at IS NULL',
  );
  const restore = db.prepare<[string]>(
    'UPDATE people SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL',
  );
  const byId = db.prepare<[string], PersonRow>('SELECT id, name, role FROM people WHERE id = ?');
  const insert = db.prepare<[string, string, string, number]>(
    'INSERT INTO people (id, name, role, created_at) VALUES (?, ?, ?, ?)',
  );
  const readCurrent = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const writeCurrent = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    /** The people one can choose: a removed person is left out. */
    list: (): Person[] => all.all(),
    /** Anyone who was ever here, removed or not (their name stays on what they wrote). */
    get: (id: string): Person | null => byId.get(id) ?? null,
    /** True when the person was in the list until now. */
    remove: (id: string, at: number): boolean => remove.run(at, id).changes > 0,
    /** True when the person was removed until now. */
    restore: (id: string): boolean => restore.run(id).changes > 0,
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
