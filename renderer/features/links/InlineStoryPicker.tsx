import type { Editor } from '@tiptap/react';
import type { VirtualElement } from '@floating-ui/dom';
import { useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useFloatingPosition } from '../../components/useFloatingPosition';
import { createPortal } from 'react-dom';
import type { LinkCandidate } from '../../../shared/ipc/channels/links';
import type { StoryLinking } from './storyLinking';
import { storyLinkTriggerKey, type TriggerState } from './storyLinkTrigger';
import { nextActive, optionId, StoryOptions } from './StoryOptions';
import { useStorySearch } from './useStorySearch';

const LIST_ID = 'inline-story-picker';

/** Turns `[[query` at from…to into a link to `item`, if that text is still there; the cursor stays where it is. */
function replaceTrigger(editor: Editor, { from, to, query }: TriggerState, item: LinkCandidate) {
  if (editor.isDestroyed || editor.state.doc.textBetween(from, to) !== `[[${query}`) return;
  const mark = editor.schema.marks.storyLink!.create({ storyId: item.id });
  const text = editor.schema.text(item.headline || 'Untitled story', [mark]);
  editor.view.dispatch(editor.state.tr.replaceWith(from, to, text));
}

function Popup({
  editor,
  linking,
  trigger,
}: {
  editor: Editor;
  linking: StoryLinking;
  trigger: TriggerState;
}) {
  const excludeId = linking.context().storyId;
  const search = useStorySearch(trigger.query, excludeId);
  const [pick, setPick] = useState({ query: trigger.query, active: 0 });
  const active =
    pick.query === trigger.query ? Math.min(pick.active, Math.max(0, search.items.length - 1)) : 0;
  const setActive = (index: number) => setPick({ query: trigger.query, active: index });

  const choose = (item: LinkCandidate, range: TriggerState = trigger) => {
    editor
      .chain()
      .focus()
      .deleteRange({ from: range.from, to: range.to })
      .setStoryLink({ storyId: item.id, headline: item.headline || 'Untitled story' })
      .run();
  };

  useLayoutEffect(() =>
    linking.handleKeys((event) => {
      const moved = nextActive(event.key, active, search.items.length);
      if (moved !== null) {
        setActive(moved);
        return true;
      }
      if (event.key !== 'Enter' && event.key !== 'Tab') return false;
      // Read the text as it is now: this render may not have caught up with the last keystrokes yet.
      const live = storyLinkTriggerKey.getState(editor.state);
      if (!live) return false;
      const answer = search.answerFor(live.query);
      if (answer === null) {
        // Enter before the answer to the latest keystrokes: link the best match when it comes, and let typing go on.
        editor.view.dispatch(editor.state.tr.setMeta(storyLinkTriggerKey, { close: true }));
        void search
          .answerOf(live.query)
          .then(([item]) => item && replaceTrigger(editor, live, item))
          .catch(() => undefined);
        return true;
      }
      const item = answer[live.query === trigger.query ? active : 0];
      if (item) choose(item, live);
      return item !== undefined;
    }),
  );

  useLayoutEffect(() => {
    const dom = editor.view.dom;
    dom.setAttribute('aria-controls', LIST_ID);
    if (search.items.length > 0) dom.setAttribute('aria-activedescendant', optionId(LIST_ID, active));
    else dom.removeAttribute('aria-activedescendant');
    return () => {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    };
  }, [editor, active, search.items.length]);

  const popup = useRef<HTMLDivElement>(null);
  const at = useMemo((): VirtualElement => {
    const caretBox = () => {
      const { left, top, bottom } = editor.view.coordsAtPos(trigger.from);
      return new DOMRect(left, top, 0, bottom - top);
    };
    return { getBoundingClientRect: caretBox, contextElement: editor.view.dom };
  }, [editor, trigger.from]);
  useFloatingPosition(true, at, popup);

  return createPortal(
    <div className="story-picker-popup" ref={popup}>
      <StoryOptions
        id={LIST_ID}
        label="Stories to link"
        items={search.items}
        active={active}
        loading={search.loading}
        error={search.error}
        onActive={setActive}
        onChoose={choose}
      />
      <p className="story-picker-hint">↑↓ to choose · Enter to link · Esc to close</p>
    </div>,
    document.body,
  );
}

/** The picker that `[[` opens under the cursor: it searches by the text typed after the brackets. */
export function InlineStoryPicker({ editor, linking }: { editor: Editor; linking: StoryLinking }) {
  const trigger = useSyncExternalStore(linking.trigger.subscribe, linking.trigger.get);
  if (!trigger || !editor.isEditable) return null;
  return <Popup key={trigger.from} editor={editor} linking={linking} trigger={trigger} />;
}
