import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../shared/ipc/contract';
import type { Result } from '../shared/ipc/result';

/** What the preload exposes to the page as `window.copydesk`: the contract's channels and events, nothing else. */
export function createBridge(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>) {
  return {
    invoke(channel: string, input: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'not-found', message: `Unknown channel "${channel}"` },
        });
      }
      return ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>;
    },
    on(event: string, callback: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new Error(`Unknown event "${event}"`);
      const listener = (_event: IpcRendererEvent, payload: unknown) => callback(payload);
      ipcRenderer.on(event, listener);
      return () => ipcRenderer.removeListener(event, listener);
    },
  };
}
