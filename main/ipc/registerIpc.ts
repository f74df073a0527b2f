import type { IpcMain, WebFrameMain } from 'electron';
import { channelNames, eventNames, type EventName } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import type { CoreEvents } from '../core/coreEvents';
import { isAppUrl } from '../security';
import type { Dispatch } from './dispatch';

/** Only the app's own top-level page may call the core; an embedded or foreign frame never can. */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return Boolean(frame) && frame!.parent === null && isAppUrl(frame!.url);
}

/** One ipcMain handler per contract channel, each checking the sender before dispatching. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: typeof isTrustedFrame = isTrustedFrame,
): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrusted(event.senderFrame)) {
        return fail({ code: 'forbidden', message: 'This frame may not call Copydesk' });
      }
      return dispatch(channel, input);
    });
  }
}

/** Passes every core event to `send` (which posts it to the open windows). */
export function forwardEvents(
  events: CoreEvents,
  send: (name: EventName, payload: unknown) => void,
): () => void {
  const unsubscribers = eventNames.map((name) => events.on(name, (payload) => send(name, payload)));
  return () => unsubscribers.forEach((off) => off());
}
