import type { Awareness } from 'y-protocols/awareness';

/** What an awareness event reports: the clients whose state came, changed or went. */
export type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };
type ChangeListener = (changes: AwarenessChanges, origin: unknown) => void;

/** What the caret plugin reads and writes of an awareness. */
export type CaretAwareness = Pick<Awareness, 'getStates' | 'getLocalState' | 'setLocalStateField'> & {
  on(event: 'change', listener: ChangeListener): void;
  off(event: 'change', listener: ChangeListener): void;
};

/** Whether any client but `own` is among the changes. */
export const othersChanged = ({ added, updated, removed }: AwarenessChanges, own: number): boolean =>
  [...added, ...updated, ...removed].some((id) => id !== own);

/**
 * The awareness as the caret plugin should see it: 'change' only when someone else's state changed. This editor's
 * own caret moves on every key, and each would otherwise make the plugin redraw every caret and selection.
 */
export function othersAwareness(awareness: Awareness): CaretAwareness {
  const wrapped = new Map<ChangeListener, ChangeListener>();
  const own = awareness.clientID;
  return {
    getStates: () => awareness.getStates(),
    getLocalState: () => awareness.getLocalState(),
    setLocalStateField: (field, value) => awareness.setLocalStateField(field, value),
    on(_event, listener) {
      const onlyOthers: ChangeListener = (changes, origin) => {
        if (othersChanged(changes, own)) listener(changes, origin);
      };
      wrapped.set(listener, onlyOthers);
      awareness.on('change', onlyOthers);
    },
    off(_event, listener) {
      const onlyOthers = wrapped.get(listener);
      if (!onlyOthers) return;
      wrapped.delete(listener);
      awareness.off('change', onlyOthers);
    },
  };
}
