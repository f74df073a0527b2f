import { useEffect } from 'react';
import './undoToast.css';

const SHOWN_MS = 10_000;

/** "<what happened> — Undo", for a while after a destructive action (a story to the trash, a tag merge). */
export function UndoToast(props: { message: string; onUndo(): void; onDismiss(): void }) {
  const { onDismiss } = props;
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [props.message, onDismiss]);
  return (
    <div className="undo-toast" aria-live="polite">
      <span>{props.message}</span>
      <button type="button" className="button-quiet" onClick={props.onUndo}>
        Undo
      </button>
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
