import { afterEach, expect, it } from 'vitest';
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
