import { useSyncExternalStore } from 'react';

/** What a destructive action offers to undo, for a while, wherever the person goes meanwhile. */
export interface UndoOffer {
  message: string;
  /** Undoes the action; resolves with what the person should know of how it went, if anything; a rejection is shown in place of the offer. */
  undo(): Promise<string | void>;
}

type Offered = UndoOffer & { id: number };

let current: Offered | null = null;
let offers = 0;
const listeners = new Set<() => void>();
const changed = (next: Offered | null) => {
  current = next;
  for (const listener of listeners) listener();
};

/** Offers Undo for the action just done (a newer offer replaces an older one). */
export const offerUndo = (offer: UndoOffer): void => changed({ ...offer, id: ++offers });

/** Withdraws that offer, if it is still the one shown. */
export const withdrawUndo = (id: number): void => {
  if (current?.id === id) changed(null);
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The offer shown now, if any. */
export const useUndoOffer = (): Offered | null => useSyncExternalStore(subscribe, () => current);
