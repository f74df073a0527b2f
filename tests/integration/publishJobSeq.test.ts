import { afterEach, expect, it } from 'vitest';
import type { PublishJob } from '../../shared/domain/publication';
import { body, publishingCore, type PublishingCore } from './publishTestKit';

let kit: PublishingCore;
afterEach(() => kit.dispose());

it('numbers every job row it writes, so rows written in the same millisecond still have an order', async () => {
  kit = publishingCore();
  await kit.call('settings:update', { requireApproval: false });
  await kit.call('people:create', { name: 'Eda Editor', role: 'editor' });
  const story = await kit.call('stories:create', {
    headline: 'Harbour fees rise',
    sectionId: 'business',
    body: body('Fees rise in May.'),
  });
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
