/** Someone else changed the field this person is typing in: theirs is shown, with a way to take it instead. */
export function OvertakenNote(props: { value: unknown; by: string | null; onTakeTheirs(): void }) {
  const text = typeof props.value === 'string' ? props.value : '';
  return (
    <p className="field-overtaken" role="status">
      {props.by ? `${props.by} changed this` : 'Changed on another machine'} to “{text}” while you typed;
      yours is kept.{' '}
      {/* Pressing keeps the focus in the field, so leaving it does not write this person's text first. */}
      <button type="button" onMouseDown={(event) => event.preventDefault()} onClick={props.onTakeTheirs}>
        Use theirs
      </button>
    </p>
  );
}
