import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StoryBody } from '../../../shared/domain/story';
import type { StoryLinks } from '../../../shared/domain/storyLinks';
import { storyExtensions } from '../../../shared/editor';
import { LinkPickers } from '../links/LinkPickers';
import { useStoryLinking } from '../links/useStoryLinking';
import { CaretBlock } from './caretBlock';
import { CaretFromDom } from './caretFromDom';
import { collabExtensions } from './collab/collabExtensions';
import type { StoryDocBinding } from './collab/storyDocBinding';
import './collab/collab.css';
import { EditorShortcuts } from './editorShortcuts';
import { ImageDialog } from './ImageDialog';
import { LinkDialog } from './LinkDialog';
import { Toolbar } from './Toolbar';
import { TypedText } from './typedText';
import './editor.css';
import { nodeViewsReadOnce } from './nodeViewsReadOnce';

export interface StoryEditorProps {
  initialBody: StoryBody;
  editable: boolean;
  /** Called on every change with the editor; read the document lazily (e.g. at save time). */
  onChange(editor: Editor): void;
  onBlur(): void;
  onReady(editor: Editor): void;
  toolbarExtra?: ReactNode;
  /** The open story, left out of its own link pickers. */
  storyId?: string;
  /** Follows a story link (Ctrl/Cmd+click). */
  onOpenStory?(id: string): void;
  /** The story's current links, to show link targets' headlines and broken links. */
  links?: StoryLinks | null;
  /** A desk story: the body is this Y.Doc (and `initialBody` is not used), with the others' carets. */
  collab?: StoryDocBinding | null;
}

/**
 * The TipTap body editor. Memoised and never re-rendered by a transaction: the toolbar subscribes to
 * the state it shows, and callers get the document only when they ask for it.
 */
export const StoryEditor = memo(function StoryEditor(props: StoryEditorProps) {
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  const callbacks = useRef(props);
  const settled = useRef(false);
  useLayoutEffect(() => {
    callbacks.current = props;
  });

  const linking = useStoryLinking(props);
  const { collab } = props;
  const extensions = useMemo(() => {
    const base = linking.extend(storyExtensions());
    return [
      ...(collab ? collabExtensions(base, collab) : base),
      CaretBlock,
      CaretFromDom,
      TypedText,
      EditorShortcuts.configure({ onLink: () => setDialog('link') }),
    ];
  }, [linking, collab]);

  const editor = useEditor({
    extensions,
    ...(collab ? {} : { content: props.initialBody }),
    editable: props.editable,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        'aria-label': 'Story body',
        'aria-multiline': 'true',
        role: 'textbox',
        spellcheck: 'true',
        class: 'story-body',
      },
    },
    onBeforeCreate: ({ editor: made }) => nodeViewsReadOnce(made),
    onCreate: ({ editor: created }) => {
      // Normalisation right after loading (e.g. a trailing paragraph) is not an edit by the user.
      setTimeout(() => (settled.current = true), 0);
      callbacks.current.onReady(created);
    },
    onUpdate: ({ editor: changed }) => {
      if (settled.current) callbacks.current.onChange(changed);
    },
    onBlur: () => callbacks.current.onBlur(),
  });

  useEffect(() => {
    // No update event: becoming editable (e.g. restored from the trash) is not an edit, and a save from it would meet a stale version.
    editor.setEditable(props.editable, false);
  }, [editor, props.editable]);

  return (
    <div className="story-editor">
      <Toolbar
        editor={editor}
        onLink={() => setDialog('link')}
        onImage={() => setDialog('image')}
        onStoryLink={() => linking.dialog.set('inline')}
        onAlsoRead={() => linking.dialog.set('also_read')}
        extra={props.toolbarExtra}
      />
      <EditorContent editor={editor} className="story-body-frame" />
      {dialog === 'link' && <LinkDialog editor={editor} onClose={() => setDialog(null)} />}
      {dialog === 'image' && <ImageDialog editor={editor} onClose={() => setDialog(null)} />}
      <LinkPickers editor={editor} linking={linking} />
    </div>
  );
});
