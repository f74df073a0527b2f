import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/ipc/contract';
import type { Client } from '../../../renderer/api/client';
import { createClient } from '../../../renderer/api/client';
import { publishSessions } from '../../../renderer/features/publish/publishSessions';
import {
  body,
  publishingCore,
  storyReadyToPublish,
  type PublishingCore,
} from '../../integration/publishTestKit';

/**
 * A client on a real core whose answers to publish:start are held back until the test lets them through,
 * as an HTTP answer can arrive after the job's progress events have come over SSE.
 */
function slowStartClient(kit: PublishingCore) {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const client: Client = createClient({
    kind: 'http',
    async invoke(channel, input) {
      const result = await kit.core.dispatch(channel, input);
      if (channel === 'publish:start') await released;
      return result;
    },
    on: (event, callback) => kit.core.events.on(event as EventName, callback),
  });
  return { client, release };
}

describe('publish sessions', () => {
  let kit: PublishingCore;
  afterEach(() => kit.dispose());

  async function readyStory() {
    kit = publishingCore();
    return storyReadyToPublish(kit);
  }

  it('keeps a job that finished before publish:start answered', async () => {
    const story = await readyStory();
    const { client, release } = slowStartClient(kit);
    const unfollow = publishSessions.follow(client);
    publishSessions.open(story.id);

    const starting = publishSessions.start(client, { storyId: story.id, targetId: 'static' });
    await kit.runDue();
    expect(publishSessions.get(story.id)?.job).toMatchObject({ state: 'done', storyId: story.id });
    release();
    await starting;

    const session = publishSessions.get(story.id);
    expect(session?.starting).toBe(false);
    expect(session?.job).toMatchObject({
      state: 'done',
      resultUrl: expect.stringContaining('harbour-fees-rise'),
    });
    unfollow();
    publishSessions.close(story.id);
  });

  it('ignores other stories and older rows of its own job', async () => {
    const story = await readyStory();
    const other = await kit.call('stories:create', {
      headline: 'Ferry strike ends',
      sectionId: 'business',
      body: body('Ferries run again.'),
    });
    const { client, release } = slowStartClient(kit);
    release();
    const unfollow = publishSessions.follow(client);
    publishSessions.open(story.id);

    await publishSessions.start(client, { storyId: story.id, targetId: 'static' });
    const queued = publishSessions.get(story.id)!.job!;
    expect(queued.state).toBe('queued');
    await kit.call('publish:start', { storyId: other.id, targetId: 'static' });
    await kit.runDue();
    const done = publishSessions.get(story.id)!.job!;
    expect(done).toMatchObject({ id: queued.id, state: 'done' });

    publishSessions.offer(queued);
    expect(publishSessions.get(story.id)?.job?.state).toBe('done');
    unfollow();
    publishSessions.close(story.id);
  });
});
