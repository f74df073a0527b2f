import type Database from 'better-sqlite3';
import type { Section } from '../../../shared/domain/section';

export function sectionQueries(db: Database.Database) {
  const all = db.prepare<[], Section>('SELECT id, name, position FROM sections ORDER BY position, name');
  return {
    list: (): Section[] => all.all(),
  };
}
