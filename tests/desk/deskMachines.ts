import { createCore, type Core, type CoreOptions } from '../../main/core/createCore';
import type { Story } from '../../shared/domain/story';
import type { DeskStoryState } from '../../shared/ipc/channels/desk';
import { caller, paragraphs } from '../support/libraryCalls';
import type { DeskProcess } from './deskKit';

/** Machines of a desk test: each a core on its own data folder; `closeAll` ends the ones still open. */
export function deskMachines() {
  const open: Core[] = [];
  function machine(dataDir: string, options: Partial<CoreOptions> = {}) {
    const core = createCore({
      dataDir,
      appVersion: '9.9.9-test',
      host: 'test',
      log: () => undefined,
      ...options,
    });
    open.push(core);
    const call = caller(core);
    return {
      core,
      call,
      story: (id: string) => call<Story>('stories:get', { id }).catch(() => null),
      state: (storyId: string) => call<DeskStoryState>('desk:storyState', { storyId }),
      /** Replaces the body through a save, as the form does. */
      async edit(id: string, ...texts: string[]) {
        const story = (await call<Story>('stories:get', { id }))!;
        return call<Story>('stories:save', {
          id,
          expectedVersion: story.version,
          changes: { body: paragraphs(...texts) },
        });
      },
      close: () => {
        core.close();
        open.splice(open.indexOf(core), 1);
      },
    };
  }
  return { machine, closeAll: () => [...open].forEach((core) => core.close()) };
}
export type DeskMachine = ReturnType<ReturnType<typeof deskMachines>['machine']>;

export const bodyText = (story: Story | null) => JSON.stringify(story?.body ?? '');

/** Reads until `check` holds (or throws with the last value after `ms`). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  ms = 10_000,
): Promise<T> {
  let last: T | undefined;
  const started = Date.now();
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Two machines on `desk`: an editor who joins with its first invitation, then a reporter the editor invites. */
export async function joinEditorAndReporter(
  desk: DeskProcess,
  newMachine: (dataDir: string) => DeskMachine,
  dirs: { editor: string; reporter: string },
) {
  const editor = newMachine(dirs.editor);
  await editor.call('desk:join', { address: desk.url, code: desk.firstInvitation, name: 'Eda Editor' });
  const invitation = await editor.call<{ code: string }>('desk:invite', {
    name: 'Rey Reporter',
    role: 'reporter',
  });
  const reporter = newMachine(dirs.reporter);
  await reporter.call('desk:join', { address: desk.url, code: invitation.code });
  return { editor, reporter };
}
