import { mergeAttributes, Node } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the current text block into a pull quote. */
      setPullQuote: () => ReturnType;
      /** Turns the current text block into a pull quote, or a pull quote back into a paragraph. */
      togglePullQuote: () => ReturnType;
    };
  }
}

/** A pull quote: a short line lifted from the story, set apart. Renders `<aside class="pull-quote"><p>…</p></aside>`. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,

  parseHTML() {
    return [
      {
        tag: 'aside.pull-quote',
        contentElement: (aside: HTMLElement) =>
          Array.from(aside.children).find((child): child is HTMLElement => child.tagName === 'P') ?? aside,
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { class: 'pull-quote' }), ['p', 0]];
  },

  addCommands() {
    return {
      setPullQuote:
        () =>
        ({ commands }) =>
          commands.setNode(this.name),
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    };
  },
});
