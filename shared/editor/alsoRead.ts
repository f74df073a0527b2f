import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { insertBetweenBlocks } from './insertBetweenBlocks';
import { assertStoryId, isStoryId } from './storyId';
import { elementText, textAttribute } from './textAttribute';
import { defaultStoryUrl, type StoryUrlResolver } from './storyUrl';

/** The attributes of an also-read block. */
export interface AlsoReadAttributes {
  storyId: string;
  headline: string;
}

/** Options of the also-read node: where the linked story lives. */
export interface AlsoReadOptions {
  resolveStoryUrl: StoryUrlResolver;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    alsoRead: {
      /**
       * Inserts an "ALSO READ: <headline>" block linking to another story between paragraphs
       * (`insertBetweenBlocks`); refused for an invalid story id.
       */
      insertAlsoRead: (attributes: AlsoReadAttributes) => ReturnType;
    };
  }
}

const LABEL = 'ALSO READ:';

/** The plain text of an also-read block: "ALSO READ: <headline>". */
export function alsoReadText({ headline }: Pick<AlsoReadAttributes, 'headline'>): string {
  return `${LABEL} ${typeof headline === 'string' ? headline : ''}`.trim();
}

/** The HTML of an also-read block: a link to the story where it resolves, else its headline as text. */
export function alsoReadSpec(
  { storyId, headline }: AlsoReadAttributes,
  resolveStoryUrl: StoryUrlResolver,
): DOMOutputSpec {
  const href = resolveStoryUrl(String(storyId));
  const title = String(headline);
  return [
    'aside',
    { class: 'also-read', 'data-story-id': String(storyId) },
    `${LABEL} `,
    href === null ? title : ['a', { href }, title],
  ];
}

/**
 * A block pointing readers to another story. Keeps the story id and its last known headline, shown when the
 * story cannot be resolved. Renders `<aside class="also-read" data-story-id="…">ALSO READ: <a href="…">…</a></aside>`.
 */
export const AlsoRead = Node.create<AlsoReadOptions>({
  name: 'alsoRead',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { resolveStoryUrl: defaultStoryUrl };
  },

  addAttributes() {
    return {
      storyId: { isRequired: true, rendered: false, parseHTML: () => null, validate: assertStoryId },
      headline: textAttribute,
    };
  },

  parseHTML() {
    return [
      {
        tag: 'aside.also-read[data-story-id]',
        getAttrs: (aside) => {
          const storyId = aside.getAttribute('data-story-id');
          if (!isStoryId(storyId)) return false;
          const link = aside.querySelector('a');
          const headline = link ? elementText(link) : elementText(aside).replace(/^also read:?\s*/i, '');
          return { storyId, headline };
        },
      },
    ];
  },

  renderHTML({ node }) {
    return alsoReadSpec(node.attrs as AlsoReadAttributes, this.options.resolveStoryUrl);
  },

  renderText({ node }) {
    return alsoReadText(node.attrs as AlsoReadAttributes);
  },

  addCommands() {
    return {
      insertAlsoRead:
        ({ storyId, headline }) =>
        ({ state, tr, dispatch }) => {
          if (!isStoryId(storyId)) return false;
          if (dispatch) insertBetweenBlocks(state, tr, this.type.create({ storyId, headline }));
          return true;
        },
    };
  },
});
