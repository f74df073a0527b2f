/** A site form's error and its Cancel, Test connection and Save buttons. */
export function SiteFormFooter(props: {
  error: string | null;
  busy: 'test' | 'save' | null;
  /** The address the site redirected to, offered instead of the one typed. */
  movedTo?: string | null;
  onUseAddress?(address: string): void;
  onTest(): void;
  onCancel(): void;
}) {
  return (
    <>
      {props.error && (
        <p role="alert" className="banner banner-error">
          {props.error}
          {props.movedTo && props.onUseAddress && (
            <>
              {' '}
              <button
                type="button"
                className="button-quiet"
                onClick={() => props.onUseAddress?.(props.movedTo!)}
              >
                Use {props.movedTo}
              </button>
            </>
          )}
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
