/** A site form's error and its Cancel, Test connection and Save buttons. */
export function SiteFormFooter(props: {
  error: string | null;
  busy: 'test' | 'save' | null;
  onTest(): void;
  onCancel(): void;
}) {
  return (
    <>
      {props.error && (
        <p role="alert" className="banner banner-error">
          {props.error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Cancel
        </button>
        <span className="spacer" />
        <button type="button" className="button-quiet" disabled={props.busy !== null} onClick={props.onTest}>
          {props.busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="button-primary" disabled={props.busy !== null}>
          Save target
        </button>
      </div>
    </>
  );
}
