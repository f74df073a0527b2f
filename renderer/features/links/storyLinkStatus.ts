import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { linkTitle, type LinkStatusStore } from './linkStatusStore';

export interface StoryLinkStatusOptions {
  store: LinkStatusStore | null;
  /** Opens a linked story (Ctrl/Cmd+click on a story link or also-read block; a plain click when read-only). */
  onOpen(storyId: string): void;
}

const statusKey = new PluginKey<DecorationSet>('storyLinkStatus');

function decorate(doc: PmNode, store: LinkStatusStore): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((candidate) => candidate.type.name === 'storyLink');
    if (!mark) return false;
    const story = store.get(String(mark.attrs.storyId));
    decorations.push(
      Decoration.inline(pos, pos + node.nodeSize, {
        class: story?.broken ? 'story-link-status story-link-broken' : 'story-link-status',
        title: linkTitle(story),
        'data-link-state': story?.state ?? 'unknown',
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows each story link's current headline as its tooltip and marks broken ones, and follows links on
 * Ctrl/Cmd+click. Decorations are rebuilt only when the link states change; edits just map them.
 */
export const StoryLinkStatus = Extension.create<StoryLinkStatusOptions>({
  name: 'storyLinkStatus',

  addOptions() {
    return { store: null, onOpen: () => undefined };
  },

  addProseMirrorPlugins() {
    const { store, onOpen } = this.options;
    return [
      new Plugin({
        key: statusKey,
        state: {
          init: (_, state) => (store ? decorate(state.doc, store) : DecorationSet.empty),
          apply: (tr, set) => {
            if (store && tr.getMeta(statusKey)) return decorate(tr.doc, store);
            return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
          },
        },
        props: {
          decorations: (state) => statusKey.getState(state),
          handleDOMEvents: {
            click: (view, event) => {
              if (!(event.ctrlKey || event.metaKey) && view.editable) return false;
              const target = event.target instanceof Element ? event.target : null;
              const link = target?.closest('[data-story-id]');
              const storyId = link?.getAttribute('data-story-id');
              if (!storyId) return false;
              event.preventDefault();
              onOpen(storyId);
              return true;
            },
          },
        },
        view: (view) => {
          const off = store?.subscribe(() => view.dispatch(view.state.tr.setMeta(statusKey, true)));
          return { destroy: () => off?.() };
        },
      }),
    ];
  },
});
