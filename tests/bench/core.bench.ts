import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Story } from '../../shared/domain/story';
import { serveBrowserHost, type BrowserHost } from '../../main/hosts/serveBrowserHost';
import { tempDir } from '../support/tempDir';
import { testCore } from '../support/testCore';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ARCHIVE = 10_000;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 97}`).join(' ');
const doc = (n: number) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: words(n) }] }],
});

let core: ReturnType<typeof testCore>;
let story: Story;
let longStory: Story;

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value as T;
}

beforeAll(async () => {
  core = testCore();
  for (let i = 0; i < ARCHIVE; i++) await core.dispatch('stories:create', { headline: `Archive story ${i}` });
  story = await value<Story>(core.dispatch('stories:create', { headline: 'Bench' }));
  longStory = await value<Story>(core.dispatch('stories:create', { headline: 'Long', body: doc(10_000) }));
  console.log(`archive: ${ARCHIVE} stories`);
});
afterAll(() => core.dispose());

describe(`core dispatch, ${ARCHIVE} stories in the store (durable commits)`, () => {
  bench('stories:create', async () => {
    await core.dispatch('stories:create', { headline: 'New' });
  });
  bench('stories:save headline (autosave of a field)', async () => {
    story = await value<Story>(
      core.dispatch('stories:save', {
        id: story.id,
        expectedVersion: story.version,
        changes: { headline: 'x' },
      }),
    );
  });
  bench('stories:save body of 10,000 words', async () => {
    longStory = await value<Story>(
      core.dispatch('stories:save', {
        id: longStory.id,
        expectedVersion: longStory.version,
        changes: { body: doc(10_000) },
      }),
    );
  });
  bench('library:query first page of 50', async () => {
    await core.dispatch('library:query', { limit: 50 });
  });
});

describe('browser host', () => {
  let host: BrowserHost;
  let dir: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    dir = tempDir();
    mkdirSync(join(dir.path, 'renderer'));
    host = await serveBrowserHost({
      dataDir: dir.path,
      port: 0,
      token: 'bench-token-0123456789abcdef',
      staticDir: join(dir.path, 'renderer'),
    });
  });
  afterAll(async () => {
    await host.close();
    dir.remove();
  });
  bench('POST /rpc/app:info round trip', async () => {
    const response = await fetch(`${host.web.url}/rpc/app:info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer bench' },
      body: '{}',
    });
    await response.json();
  });
});

describe('start-up', () => {
  bench('createCore on a new data directory (create + migrate)', () => testCore().dispose(), {
    iterations: 20,
  });
});
