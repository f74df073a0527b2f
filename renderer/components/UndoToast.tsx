import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { useUndoOffer, withdrawUndo } from './undoOffer';
import './undoToast.css';

const SHOWN_MS = 10_000;

/** Calls `onDismiss` a while after `shown` was first shown (unless `keep`). */
function useDismissedAfterAWhile(onDismiss: () => void, shown: string, keep = false) {
  useEffect(() => {
    if (keep) return;
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown, onDismiss, keep]);
}

/** "<what happened> — Undo", for a while after a destructive action (a story to the trash, a tag merge). */
export function UndoToast(props: { message: string; onUndo(): void; onDismiss(): void }) {
  useDismissedAfterAWhile(props.onDismiss, props.message);
  return (
    <div className="undo-toast" aria-live="polite">
      <span>{props.message}</span>
      <button type="button" className="button-quiet" onClick={props.onUndo}>
        Undo
      </button>
      <button type="button" className="button-quiet" aria-label="Dismiss" onClick={props.onDismiss}>
        ✕
      </button>
    </div>
  );
}

interface AfterUndo {
  failed: boolean;
  text: string;
}

/** After an undo: why it could not be done (until dismissed), or what it left as it was (for a while). */
function AfterUndoToast({ failed, text, onDismiss }: AfterUndo & { onDismiss(): void }) {
  useDismissedAfterAWhile(onDismiss, text, failed);
  return (
    <div className="undo-toast" role={failed ? 'alert' : 'status'}>
      <span>{failed ? `Could not undo: ${text}` : text}</span>
      <button type="button" className="button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** The app's one Undo toast: the latest `offerUndo`, kept across views until it is used, dismissed or times out. */
export function UndoOfferToast() {
  const offer = useUndoOffer();
  const [after, setAfter] = useState<AfterUndo | null>(null);
  const id = offer?.id;
  const dismiss = useCallback(() => id !== undefined && withdrawUndo(id), [id]);
  const dismissAfter = useCallback(() => setAfter(null), []);
  if (after && (after.failed || !offer)) return <AfterUndoToast {...after} onDismiss={dismissAfter} />;
  if (!offer) return null;
  return (
    <UndoToast
      key={offer.id}
      message={offer.message}
      onUndo={() => {
        withdrawUndo(offer.id);
        setAfter(null);
        offer.undo().then(
          (note) => note && setAfter({ failed: false, text: note }),
          (cause: unknown) => setAfter({ failed: true, text: errorMessage(cause) }),
        );
      }}
      onDismiss={dismiss}
    />
  );
}
