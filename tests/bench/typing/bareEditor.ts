import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

declare global {
  interface Window {
    startBareEditor(content: unknown): void;
  }
}

/** The baseline: TipTap with StarterKit and nothing else, as its docs set it up. */
window.startBareEditor = (content) => {
  new Editor({
    element: document.getElementById('editor')!,
    extensions: [StarterKit],
    content: content as object,
    editorProps: { attributes: { 'aria-label': 'Story body' } },
  });
};
