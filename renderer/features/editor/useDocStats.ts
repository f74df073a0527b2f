import type { Editor } from '@tiptap/core';
import { afterPause } from './afterPause';
import { onDocChange } from './onDocChange';
import { useEffect, useState } from 'react';
import { countWords, readingTimeLabel } from '../../../shared/editor';

export interface DocStats {
  words: number;
  readingTime: string;
}

const statsOf = (editor: Editor): DocStats => {
  const words = countWords(editor.getText({ blockSeparator: '\n\n' }));
  return { words, readingTime: readingTimeLabel(words) };
};

/** Word count and reading time, recomputed a moment after typing pauses rather than per keystroke. */
export function useDocStats(editor: Editor | null, delayMs = 250): DocStats | null {
  const [stats, setStats] = useState<DocStats | null>(() => (editor ? statsOf(editor) : null));
  useEffect(() => {
    if (!editor) return;
    const pause = afterPause(() => setStats(statsOf(editor)), delayMs);
    pause.touch();
    const off = onDocChange(editor, pause.touch);
    return () => {
      pause.cancel();
      off();
    };
  }, [editor, delayMs]);
  return stats;
}
