import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';

/** An open `[[` in the text: it starts at `from`, the cursor is at `to`, and `query` is typed between. */
export interface TriggerState {
  from: number;
  to: number;
  query: string;
}

export interface StoryLinkTriggerOptions {
  onChange(state: TriggerState | null): void;
  /** Keys typed while the picker is open (arrows, Enter); returns whether the picker used the key. */
  onKeyDown(event: KeyboardEvent): boolean;
}

const OPEN = '[[';
const MAX_QUERY = 120;

type Meta = { open: number } | { close: true };

export const storyLinkTriggerKey = new PluginKey<TriggerState | null>('storyLinkTrigger');

function follow(state: EditorState, from: number): TriggerState | null {
  const { selection, doc } = state;
  if (!selection.empty || selection.from < from + OPEN.length) return null;
  const $from = doc.resolve(from);
  if (!$from.sameParent(selection.$from) || doc.textBetween(from, from + OPEN.length) !== OPEN) return null;
  const query = doc.textBetween(from + OPEN.length, selection.from, '\n', '\n');
  if (query.length > MAX_QUERY || query.includes('\n') || query.includes(']]')) return null;
  return { from, to: selection.from, query };
}

const same = (a: TriggerState | null, b: TriggerState | null) =>
  a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to && a.query === b.query);

/**
 * Typing `[[` opens the story picker: the text typed after it is the query until the picker inserts a link,
 * Escape closes it, or the cursor leaves. The picker itself is React; this only tracks the text and keys.
 */
export const StoryLinkTrigger = Extension.create<StoryLinkTriggerOptions>({
  name: 'storyLinkTrigger',

  addOptions() {
    return { onChange: () => undefined, onKeyDown: () => false };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<TriggerState | null>({
        key: storyLinkTriggerKey,
        state: {
          init: () => null,
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(storyLinkTriggerKey) as Meta | undefined;
            if (meta && 'close' in meta) return null;
            if (meta && 'open' in meta) return follow(state, meta.open);
            if (!value) return null;
            const next = follow(state, tr.mapping.map(value.from));
            return same(next, value) ? value : next;
          },
        },
        props: {
          handleTextInput(view, from, to, text) {
            if (text !== '[' || !view.editable || storyLinkTriggerKey.getState(view.state)) return false;
            const $from = view.state.doc.resolve(from);
            if ($from.parentOffset < 1 || !$from.parent.isTextblock) return false;
            if ($from.parent.textBetween($from.parentOffset - 1, $from.parentOffset, '', '\n') !== '[')
              return false;
            const meta: Meta = { open: from - 1 };
            view.dispatch(view.state.tr.insertText(text, from, to).setMeta(storyLinkTriggerKey, meta));
            return true;
          },
          handleDOMEvents: {
            blur(view) {
              if (!storyLinkTriggerKey.getState(view.state)) return false;
              const meta: Meta = { close: true };
              view.dispatch(view.state.tr.setMeta(storyLinkTriggerKey, meta));
              return false;
            },
          },
          handleKeyDown(view, event) {
            if (!storyLinkTriggerKey.getState(view.state)) return false;
            if (event.key === 'Escape') {
              const meta: Meta = { close: true };
              view.dispatch(view.state.tr.setMeta(storyLinkTriggerKey, meta));
              return true;
            }
            return options.onKeyDown(event);
          },
        },
        view: () => ({
          update(view, previous) {
            const now = storyLinkTriggerKey.getState(view.state) ?? null;
            if (!same(now, storyLinkTriggerKey.getState(previous) ?? null)) options.onChange(now);
          },
          destroy: () => options.onChange(null),
        }),
      }),
    ];
  },
});
