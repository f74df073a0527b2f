import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { publishJobQueries } from '../../main/db/queries/publishJobQueries';
import type { PublishJob } from '../../shared/domain/publication';
import { publishingCore, storyReadyToPublish, type PublishingCore } from './publishTestKit';

let kit: PublishingCore;
afterEach(() => kit.dispose());

it('numbers every job row it writes, so rows written in the same millisecond still have an order', async () => {
  kit = publishingCore();
  const story = await storyReadyToPublish(kit);
  const rows: PublishJob[] = [];
  kit.core.events.on('publish:progress', (job) => rows.push(job));

  const started = await kit.call('publish:start', { storyId: story.id, targetId: 'static' });
  await kit.runDue(); // the clock stands still: every row has the same updatedAt

  expect(new Set(rows.map((row) => row.updatedAt)).size).toBe(1);
  expect(rows.at(-1)).toMatchObject({ id: started.id, state: 'done' });
  const seqs = rows.map((row) => row.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  const { jobs } = await kit.call('publish:status', { storyId: story.id });
  expect(jobs[0]?.seq).toBe(seqs.at(-1));
});

it('writes a running job’s progress without waiting for the disk, then syncs in full again', async () => {
  kit = publishingCore();
  const story = await storyReadyToPublish(kit);
  const started = await kit.call('publish:start', { storyId: story.id, targetId: 'static' });
  const db = new Database(join(kit.dir, 'copydesk.db'));
  db.pragma('synchronous = FULL');
  const jobs = publishJobQueries(db);
  const modeAtWrite: number[] = [];
  db.function('mode_at_write', () => modeAtWrite.push(mode) && 0);
  db.exec(
    `CREATE TEMP TRIGGER progress_written AFTER UPDATE ON publish_jobs BEGIN SELECT mode_at_write(); END`,
  );
  let mode = 2;
  const pragma = db.pragma.bind(db);
  db.pragma = ((source: string, options?: Database.PragmaOptions) => {
    const set = /^synchronous = (\w+)$/.exec(source)?.[1];
    if (set) mode = set === 'NORMAL' ? 1 : Number(set);
    return pragma(source, options);
  }) as typeof db.pragma;

  jobs.updateUnsynced({ ...jobs.get(started.id)!, state: 'running', progress: { step: 'send' } });

  expect(modeAtWrite).toEqual([1]);
  expect(pragma('synchronous', { simple: true })).toBe(2);
  expect(jobs.get(started.id)?.progress).toEqual({ step: 'send' });
  db.close();
});
