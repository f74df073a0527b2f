import { Mark } from '@tiptap/core';
import type { DOMOutputSpec, Mark as ProseMirrorMark } from '@tiptap/pm/model';
import { assertStoryId, isStoryId } from './storyId';
import { defaultStoryUrl, type StoryUrlResolver } from './storyUrl';

/** Options of the story link mark: where the linked story lives. */
export interface StoryLinkOptions {
  resolveStoryUrl: StoryUrlResolver;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    storyLink: {
      /**
       * Links the selection to another story. With an empty selection and a `headline`, inserts the headline as
       * linked text. Refused for an invalid story id.
       */
      setStoryLink: (attributes: { storyId: string; headline?: string }) => ReturnType;
      /** Removes the story link around the cursor or from the selection. */
      unsetStoryLink: () => ReturnType;
      /**
       * Removes every link to one story from the body: its inline links (their text stays) and its Also read blocks.
       * Refused when the body has none.
       */
      unlinkStory: (storyId: string) => ReturnType;
    };
  }
}

/** The HTML of a story link; with no URL for the story, only its text (the caller drops the mark). */
export function storyLinkSpec(storyId: string, resolveStoryUrl: StoryUrlResolver): DOMOutputSpec {
  return ['a', { 'data-story-id': storyId, href: resolveStoryUrl(storyId) }, 0];
}

/** An inline link to another story, kept by id so it follows the story's URL. Renders `<a data-story-id="…" href="…">`. */
export const StoryLink = Mark.create<StoryLinkOptions>({
  name: 'storyLink',
  priority: 1001,
  inclusive: false,
  excludes: 'storyLink link',

  addOptions() {
    return { resolveStoryUrl: defaultStoryUrl };
  },

  addAttributes() {
    return {
      storyId: {
        isRequired: true,
        rendered: false,
        parseHTML: (element) => element.getAttribute('data-story-id'),
        validate: assertStoryId,
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'a[data-story-id]',
        priority: 60,
        getAttrs: (element) => (isStoryId(element.getAttribute('data-story-id')) ? null : false),
      },
    ];
  },

  renderHTML({ mark }) {
    return storyLinkSpec(String(mark.attrs.storyId), this.options.resolveStoryUrl);
  },

  addCommands() {
    return {
      setStoryLink:
        ({ storyId, headline }) =>
        ({ state, commands }) => {
          if (!isStoryId(storyId)) return false;
          if (state.selection.empty && headline) {
            return commands.insertContent({
              type: 'text',
              text: headline,
              marks: [{ type: this.name, attrs: { storyId } }],
            });
          }
          return commands.setMark(this.name, { storyId });
        },
      unsetStoryLink:
        () =>
        ({ commands }) =>
          commands.unsetMark(this.name, { extendEmptyMarkRange: true }),
      unlinkStory:
        (storyId) =>
        ({ state, tr, dispatch }) => {
          const links: { from: number; to: number; mark: ProseMirrorMark }[] = [];
          const blocks: { from: number; to: number }[] = [];
          state.doc.descendants((node, pos) => {
            if (node.type.name === 'alsoRead' && node.attrs.storyId === storyId) {
              blocks.push({ from: pos, to: pos + node.nodeSize });
              return false;
            }
            const mark = node.marks.find((m) => m.type === this.type && m.attrs.storyId === storyId);
            if (mark) links.push({ from: pos, to: pos + node.nodeSize, mark });
            return true;
          });
          if (links.length === 0 && blocks.length === 0) return false;
          if (dispatch) {
            for (const { from, to, mark } of links) tr.removeMark(from, to, mark);
            // Last first, so the earlier positions still hold.
            for (const { from, to } of blocks.reverse()) tr.delete(from, to);
          }
          return true;
        },
    };
  },
});
