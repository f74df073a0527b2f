import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoryDocBinding } from '../editor/collab/storyDocBinding';
import { afterPause } from '../editor/afterPause';

/** How long the person must stop typing before their open story changes from the solo editor to the live one. */
const PAUSE_MS = 700;

interface HandOver {
  solo: Editor;
  from: number;
  to: number;
  focused: boolean;
}

/** Makes the live editor's body `target` by replacing only the range where they differ (none when equal). */
function replaceDifference(editor: Editor, target: ProseMirrorNode) {
  const current = editor.state.doc;
  const start = current.content.findDiffStart(target.content);
  if (start === null) return;
  let { a: endCurrent, b: endTarget } = current.content.findDiffEnd(target.content) ?? {
    a: current.content.size,
    b: target.content.size,
  };
  const overlap = start - Math.min(endCurrent, endTarget);
  if (overlap > 0) {
    endCurrent += overlap;
    endTarget += overlap;
  }
  editor.view.dispatch(
    editor.state.tr.replace(start, endCurrent, target.slice(start, endTarget)).setMeta('addToHistory', false),
  );
}

/**
 * When an open story joins the desk (Move to desk, or a story written while the desk was away is shared), its
 * solo editor gives way to the live one only once the person pauses typing and the solo edits are saved; the
 * live editor then takes the solo editor's last text (anything the save missed), caret and focus, so the switch
 * loses nothing and leaves the caret where it was.
 */
export function useLiveSwitch(args: {
  /** The binding the story has on the desk now (null in solo mode). */
  offered: StoryDocBinding | null;
  /** The solo editor, when one is showing. */
  soloEditor: () => Editor | null;
  /** Sends what the solo editor has not saved yet; resolves once it is stored. */
  flush(): Promise<void>;
  /** The solo editor's body is in the live doc from now on: its pending save must not write an older body there. */
  dropBody(): void;
}) {
  const [binding, setBinding] = useState<StoryDocBinding | null>(null);
  const handOver = useRef<HandOver | null>(null);
  const latest = useRef(args);
  useEffect(() => {
    latest.current = args;
  });
  const { offered } = args;

  useEffect(() => {
    if (offered === binding) return;
    const solo = latest.current.soloEditor();
    if (!offered || !solo || solo.isDestroyed) {
      setBinding(offered);
      return;
    }
    let cancelled = false;
    let typedAt = 0;
    const onTyping = () => {
      typedAt = Date.now();
      pause.touch();
    };
    const switchNow = async () => {
      const flushedFrom = Date.now();
      await latest.current.flush().catch(() => undefined);
      if (cancelled) return;
      if (typedAt >= flushedFrom) return pause.touch(); // typed while saving: wait for the next pause
      const { from, to } = solo.state.selection;
      handOver.current = { solo, from, to, focused: solo.isFocused };
      latest.current.dropBody();
      solo.off('transaction', onTyping);
      setBinding(offered);
    };
    const pause = afterPause(() => void switchNow(), PAUSE_MS);
    solo.on('transaction', onTyping);
    if (solo.isFocused) pause.touch();
    else void switchNow();
    return () => {
      cancelled = true;
      pause.cancel();
      solo.off('transaction', onTyping);
    };
  }, [offered, binding]);

  /** The live editor is made: it takes what the solo editor last showed, its caret and focus. */
  const takeOver = useCallback((live: Editor) => {
    const from = handOver.current;
    handOver.current = null;
    if (!from) return;
    replaceDifference(live, ProseMirrorNode.fromJSON(live.schema, from.solo.getJSON()));
    const end = live.state.doc.content.size;
    live.commands.setTextSelection({ from: Math.min(from.from, end), to: Math.min(from.to, end) });
    if (from.focused) live.commands.focus();
  }, []);

  return { binding, takeOver };
}
