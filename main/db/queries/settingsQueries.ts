import type Database from 'better-sqlite3';

export function settingsQueries(db: Database.Database) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    all: (): Record<string, unknown> =>
      Object.fromEntries(all.all().map((row) => [row.key, JSON.parse(row.value)])),
    set: db.transaction((values: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(values)) upsert.run(key, JSON.stringify(value));
    }),
  };
}
