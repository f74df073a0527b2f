import type { Editor } from '@tiptap/react';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { AnchorRange } from './anchorRanges';

/** A stretch of the body followed through the edits made since. */
export interface FollowedRange {
  /** Where the text is now, or null when it was deleted. */
  now(): AnchorRange | null;
  /** Stops following (and highlighting) it. */
  release(): void;
}

let followed = 0;

function follow(editor: Editor, range: AnchorRange, attrs: { class: string } | null): FollowedRange {
  // Each range has its own key, so a comment still being posted keeps its place while the next draft begins.
  // TipTap unregisters every plugin whose key starts with the given one: the closing '-' keeps each name unique.
  const key = new PluginKey<DecorationSet>(`commentRange-${++followed}-`);
  editor.registerPlugin(
    new Plugin<DecorationSet>({
      key,
      state: {
        init: (_, state) =>
          DecorationSet.create(state.doc, [Decoration.inline(range.from, range.to, attrs ?? {})]),
        apply: (tr, set) => set.map(tr.mapping, tr.doc),
      },
      props: attrs ? { decorations: (state) => key.getState(state) } : {},
    }),
  );
  return {
    now() {
      if (editor.isDestroyed) return null;
      const [found] = key.getState(editor.state)?.find() ?? [];
      return found && found.from < found.to ? { from: found.from, to: found.to } : null;
    },
    release() {
      if (!editor.isDestroyed) editor.unregisterPlugin(key);
    },
  };
}

/**
 * Keeps `range` highlighted in the editor while its comment is being written (the selection is hidden once focus
 * moves to the comment box), following edits made meanwhile.
 */
export const highlightCommentDraft = (editor: Editor, range: AnchorRange) =>
  follow(editor, range, { class: 'comment-draft-text' });

/** Follows `range` through later edits without showing it. */
export const followRange = (editor: Editor, range: AnchorRange) => follow(editor, range, null);
