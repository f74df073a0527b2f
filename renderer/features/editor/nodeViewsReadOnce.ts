import type { Editor } from '@tiptap/core';

/**
 * TipTap's React EditorContent hands the view its node views again once it is mounted. Read from the
 * extensions, they are new functions each time, so ProseMirror takes them for a change and draws the whole
 * document a second time (about 40 ms for 2,000 words as a story opens). Read once, they are the same
 * functions both times. The editor's node views are plain DOM views: they need nothing from the React
 * content component that second call is made for.
 */
export function nodeViewsReadOnce(editor: Editor): void {
  const manager = editor.extensionManager;
  Object.defineProperty(manager, 'nodeViews', { value: manager.nodeViews });
}
