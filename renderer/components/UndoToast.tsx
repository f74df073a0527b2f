import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useUndoOffer, withdrawUndo } from './undoOffer';
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

/** The app's one Undo toast: the latest `offerUndo`, kept across views until it is used, dismissed or times out. */
export function UndoOfferToast() {
  const offer = useUndoOffer();
  const [failed, setFailed] = useState<string | null>(null);
  const id = offer?.id;
  const dismiss = useCallback(() => id !== undefined && withdrawUndo(id), [id]);
  if (failed)
    return (
      <div className="undo-toast" role="alert">
        <span>Could not undo: {failed}</span>
        <button type="button" className="button-quiet" onClick={() => setFailed(null)}>
          Dismiss
        </button>
      </div>
    );
  if (!offer) return null;
  return (
    <UndoToast
      key={offer.id}
      message={offer.message}
      onUndo={() => {
        withdrawUndo(offer.id);
        offer.undo().catch((cause: unknown) => setFailed(errorMessage(cause)));
      }}
      onDismiss={dismiss}
    />
  );
}
