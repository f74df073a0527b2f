import { useEffect, useRef } from 'react';
import { afterPause } from '../afterPause';
import type { StoryDocBinding } from './storyDocBinding';

/** How long the person must stop typing before a corrected story's editor goes back to the story's own text. */
const PAUSE_MS = 700;

/**
 * A published or spiked desk story takes no edits: what is typed into its open editor goes into its correction
 * draft (and edits made offline are moved there once the desk answers). Once that happened and the person paused
 * (with every edit delivered), `refresh` is called, so the editor shows the story as it stays rather than words
 * that are only in the correction.
 */
export function useRefreshAfterCorrection(
  binding: StoryDocBinding | null,
  desk: { frozen: boolean; correctionId: string | null },
  refresh: () => void,
) {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  const { frozen, correctionId } = desk;
  // The desk's correction as this binding first saw it: a later one took edits from this machine.
  const seen = useRef<{ binding: StoryDocBinding | null; correctionId: string | null }>({
    binding: null,
    correctionId: null,
  });

  useEffect(() => {
    if (seen.current.binding !== binding) seen.current = { binding, correctionId };
    if (!binding || !frozen) return;
    const moved = correctionId !== null && correctionId !== seen.current.correctionId;
    let due = moved || binding.correctionId !== null;
    const pause = afterPause(() => {
      if (!due) return;
      if (binding.bodyState !== 'saved') return pause.touch();
      latest.current();
    }, PAUSE_MS);
    const typed = () => pause.touch();
    binding.doc.on('update', typed);
    const off = binding.subscribe(() => {
      if (binding.correctionId === null || due) return;
      due = true;
      pause.touch();
    });
    if (due) pause.touch();
    return () => {
      pause.cancel();
      off();
      binding.doc.off('update', typed);
    };
  }, [binding, frozen, correctionId]);
}
