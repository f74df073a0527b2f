import { createCore, type Core } from '../../main/core/createCore';
import { tempDir } from './tempDir';

/** A real core on a real SQLite file in a temp folder, with a clock the test can move. */
export function testCore(start = new Date('2026-03-01T09:00:00Z')): Core & {
  dir: string;
  tick(ms?: number): void;
  /** Dispatches and returns the value, throwing `code: message` on an error result. */
  call<T = unknown>(channel: string, input?: unknown): Promise<T>;
  dispose(): void;
} {
  const dir = tempDir();
  let now = start.getTime();
  const core = createCore({
    dataDir: dir.path,
    appVersion: '9.9.9-test',
    host: 'test',
    now: () => new Date(now),
    log: () => undefined,
  });
  return {
    ...core,
    dir: dir.path,
    tick: (ms = 1000) => {
      now += ms;
    },
    call: async <T>(channel: string, input?: unknown): Promise<T> => {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as T;
    },
    dispose: () => {
      core.close();
      dir.remove();
    },
  };
}
