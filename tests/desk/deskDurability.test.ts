import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import {
  api,
  connect,
  newStoryId,
  removeDir,
  staffDesk,
  startDeskProcess,
  type DeskProcess,
} from './deskKit';

let desk: DeskProcess | undefined;
afterAll(async () => {
  await desk?.stop('SIGKILL');
  if (desk) removeDir(desk.dataDir);
});

it('a desk killed with SIGKILL during edits loses no acknowledged update', async () => {
  desk = await startDeskProcess();
  const { reporter } = await staffDesk(desk);
  const storyId = newStoryId();
  await api(desk, '/api/stories', { token: reporter.token, body: { id: storyId } });
  const writer = connect(desk, reporter.token, `story/${storyId}`);
  await writer.synced();
  let acknowledged = '';
  writer.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (number === 0) acknowledged = writer.text.toString();
  });
  const dataDir = desk.dataDir;
  let typed = 0;
  let killed = false;
  const typing = (async () => {
    while (typed < 5_000 && !killed) {
      writer.text.insert(writer.text.length, `w${typed++} `);
      await sleep(2);
    }
  })();
  await sleep(1_500);
  await desk.stop('SIGKILL');
  killed = true;
  await typing;
  writer.close();
  expect(acknowledged.length).toBeGreaterThan(100);

  desk = await startDeskProcess({ dataDir, firstStart: false });
  const reader = connect(desk, reporter.token, `story/${storyId}`);
  try {
    await reader.synced();
    const stored = reader.text.toString();
    expect(stored.startsWith(acknowledged)).toBe(true);
  } finally {
    reader.close();
  }
});
