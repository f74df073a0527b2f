import type { Editor } from '@tiptap/react';
import { useSyncExternalStore } from 'react';
import { InlineStoryPicker } from './InlineStoryPicker';
import type { StoryLinking } from './storyLinking';
import { StoryPickerDialog } from './StoryPickerDialog';
import './links.css';

/** The editor's story pickers: the one `[[` opens in the text, and the toolbar's "Link story" / "Also read" dialog. */
export function LinkPickers({ editor, linking }: { editor: Editor; linking: StoryLinking }) {
  const dialog = useSyncExternalStore(linking.dialog.subscribe, linking.dialog.get);
  return (
    <>
      <InlineStoryPicker editor={editor} linking={linking} />
      {dialog && (
        <StoryPickerDialog
          editor={editor}
          kind={dialog}
          excludeId={linking.context().storyId}
          onClose={() => linking.dialog.set(null)}
        />
      )}
    </>
  );
}
