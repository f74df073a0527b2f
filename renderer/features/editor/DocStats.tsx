import type { Editor } from '@tiptap/core';
import { useDocStats } from './useDocStats';

/** Word count and reading time in the status bar, re-rendered on its own when typing pauses. */
export function DocStats({ editor }: { editor: Editor | null }) {
  const stats = useDocStats(editor);
  if (!stats) return null;
  return (
    <>
      <span data-testid="word-count">{stats.words === 1 ? '1 word' : `${stats.words} words`}</span>
      <span data-testid="reading-time">{stats.readingTime}</span>
    </>
  );
}
