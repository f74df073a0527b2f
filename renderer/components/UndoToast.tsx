import { useEffect } from 'react';
import type { Story } from '../../shared/domain/story';
import './undoToast.css';

const SHOWN_MS = 10_000;

/** "Moved to the trash — Undo", for a while after a story went to the trash. */
export function UndoToast(props: { story: Story; onUndo(story: Story): void; onDismiss(): void }) {
  const { onDismiss } = props;
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [props.story.id, onDismiss]);
  return (
    <div className="undo-toast" aria-live="polite">
      <span>“{props.story.headline || 'Untitled story'}” moved to the trash.</span>
      <button type="button" className="button-quiet" onClick={() => props.onUndo(props.story)}>
        Undo
      </button>
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
