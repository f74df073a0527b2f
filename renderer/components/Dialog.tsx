import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/** A modal form in a native <dialog>: focus is trapped, Escape cancels, Enter submits. */
export function Dialog(props: {
  title: string;
  submitLabel: string;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
  extraActions?: ReactNode;
  submitDisabled?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={props.title}
      onCancel={(event) => {
        event.preventDefault();
        props.onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2>{props.title}</h2>
        {props.children}
        <div className="dialog-actions">
          {props.extraActions}
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={props.submitDisabled}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
