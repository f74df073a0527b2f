import { Extension } from '@tiptap/core';

export interface EditorShortcutsOptions {
  onLink: () => void;
}

/** Keyboard shortcuts that open app dialogs rather than change the document. */
export const EditorShortcuts = Extension.create<EditorShortcutsOptions>({
  name: 'editorShortcuts',
  addOptions() {
    return { onLink: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLink();
        return true;
      },
    };
  },
});
