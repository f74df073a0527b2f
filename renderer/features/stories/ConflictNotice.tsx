export function ConflictNotice(props: {
  message: string;
  /** A window close was refused so this could be read. */
  closeRefused: boolean;
  onReload(): void;
  onKeepCopy(): void;
}) {
  return (
    <div role="alert" className="banner banner-warning conflict">
      <p>
        <strong>This story was changed in another window.</strong> Your latest edits were not saved over it.{' '}
        {props.message}
      </p>
      {props.closeRefused && (
        <p>The window stayed open so you can choose. Close it again to leave your edits unsaved.</p>
      )}
      <div className="banner-actions">
        <button onClick={props.onReload}>Reload their version</button>
        <button onClick={props.onKeepCopy}>Keep mine as a copy</button>
      </div>
    </div>
  );
}
