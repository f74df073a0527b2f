import { Extension, type Extensions } from '@tiptap/core';
import type { Awareness } from 'y-protocols/awareness';
import Collaboration from '@tiptap/extension-collaboration';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import { BODY_FIELD } from '../../../../shared/domain/storyDocShape';
import { othersAwareness } from './othersAwareness';
import { presenceUserOf } from './presenceColors';
import type { StoryDocBinding } from './storyDocBinding';

const classOf = (user: unknown) => `collab-person-${presenceUserOf({ user })?.colorIndex ?? 0}`;

/** Someone else's caret with their name; classes, not inline styles, because the CSP refuses those. */
function caret(user: { name?: unknown }): HTMLElement {
  const caretElement = document.createElement('span');
  caretElement.className = `collab-caret ${classOf(user)}`;
  // The name is drawn by CSS from the attribute, so it is never part of the body's text (copy, find, screen readers).
  caretElement.setAttribute('data-person', String(user.name ?? ''));
  return caretElement;
}

const CollaborationCarets = Extension.create<{ binding: StoryDocBinding }>({
  name: 'collaborationCarets',
  addProseMirrorPlugins() {
    return [
      // Only the others' changes redraw carets; this editor's own caret moves on every key.
      yCursorPlugin(othersAwareness(this.options.binding.awareness) as unknown as Awareness, {
        cursorBuilder: caret,
        selectionBuilder: (user: unknown) => ({
          class: `collab-selection ${classOf(user)}`,
          nodeName: 'span',
        }),
      }),
    ];
  },
});

/**
 * A desk story's editor: the body is the binding's Y.Doc (no content of its own, so nothing is seeded here),
 * undo is Yjs's (only this person's edits), and the others' carets and selections are shown.
 */
export function collabExtensions(base: Extensions, binding: StoryDocBinding): Extensions {
  return [
    ...base.map((extension) =>
      extension.name === 'starterKit'
        ? extension.configure({ ...extension.options, undoRedo: false })
        : extension,
    ),
    Collaboration.configure({ document: binding.doc, field: BODY_FIELD }),
    CollaborationCarets.configure({ binding }),
  ];
}
