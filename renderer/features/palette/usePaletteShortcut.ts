import { useEffect } from 'react';

const inEditor = (target: EventTarget | null) =>
  target instanceof Element && target.closest('[contenteditable="true"], .ProseMirror') !== null;

/**
 * Calls `onOpen` on Ctrl/Cmd+K when focus is not in the story body (where Ctrl+K makes a link),
 * and on Ctrl/Cmd+Shift+P anywhere.
 */
export function usePaletteShortcut(onOpen: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const palette =
        (key === 'k' && !event.shiftKey && !inEditor(event.target)) || (key === 'p' && event.shiftKey);
      if (!palette) return;
      event.preventDefault();
      onOpen();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onOpen]);
}
