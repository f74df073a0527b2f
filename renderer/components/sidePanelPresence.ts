const listeners = new Set<(open: boolean) => void>();
let openPanels = 0;

/** A side panel opened (true) or closed (false); the app makes room for it on a narrow window. */
export function sidePanelShown(open: boolean): void {
  openPanels += open ? 1 : -1;
  listeners.forEach((listener) => listener(openPanels > 0));
}

/** Calls `listener` with whether a side panel is open whenever that changes; returns the unsubscribe. */
export function onSidePanel(listener: (open: boolean) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
