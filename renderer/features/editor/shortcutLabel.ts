/** Whether the app runs on a Mac, whose shortcuts use ⌘ where others use Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Mod-Shift-x" → "Ctrl+Shift+X" (or "⌘⇧X" on a Mac). */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-').map((part) => {
    if (part === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (part === 'Alt') return isMac ? '⌥' : 'Alt';
    if (part === 'Shift') return isMac ? '⇧' : 'Shift';
    return part.length === 1 ? part.toUpperCase() : part;
  });
  return parts.join(isMac ? '' : '+');
}

/** "Mod-Shift-x" → "Control+Shift+X" (Meta on a Mac), the form `aria-keyshortcuts` expects. */
export function ariaKeyShortcuts(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) => {
      if (part === 'Mod') return isMac ? 'Meta' : 'Control';
      return part.length === 1 ? part.toUpperCase() : part;
    })
    .join('+');
}
