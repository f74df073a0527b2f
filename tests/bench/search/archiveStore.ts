import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../main/core/createCore';
import { migrations } from '../../../main/db/migrations';
import { openDatabase } from '../../../main/db/openDatabase';
import { generateArchive } from '../../support/archive';

const SEED = 7;
const NOW = Date.parse('2026-03-01T09:00:00Z');

const cacheDir = () => process.env.COPYDESK_BENCH_CACHE ?? join(tmpdir(), 'copydesk-bench-archive');
const cachedFile = (count: number, schema: number) =>
  join(cacheDir(), `archive-${count}-seed${SEED}-schema${schema}.db`);

/**
 * A store holding the generated archive of `count` stories at this checkout's schema, in `dataDir`.
 * Generating 100,000 stories takes minutes, so the archive is kept in the temp folder and copied:
 * once per size and schema (an older schema's copy is migrated rather than generated again).
 */
export function archiveStore(dataDir: string, count: number, log: (line: string) => void): void {
  mkdirSync(cacheDir(), { recursive: true });
  const schema = migrations.length;
  const target = cachedFile(count, schema);
  if (!existsSync(target)) {
    const older = Array.from({ length: schema }, (_, version) => cachedFile(count, version)).findLast(
      existsSync,
    );
    const work = join(cacheDir(), `building-${process.pid}`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    const file = join(work, DATABASE_FILE);
    const started = performance.now();
    if (older) copyFileSync(older, file);
    const { db } = openDatabase(file);
    if (!older) generateArchive(db, { count, seed: SEED, now: NOW });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(file, target);
    rmSync(work, { recursive: true, force: true });
    log(
      `${older ? 'migrated' : 'generated'} a ${count}-story archive in ${Math.round(performance.now() - started)} ms: ${target}`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(target, join(dataDir, DATABASE_FILE));
}
