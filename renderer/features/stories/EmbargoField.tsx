/** `2026-03-01T09:30:00.000Z` ↔ the local `YYYY-MM-DDTHH:mm` a datetime-local input shows. */
const toLocalInput = (iso: string | null): string => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The time before which the story must not be published (empty: no embargo). */
export function EmbargoField(props: {
  value: string | null;
  disabled: boolean;
  onChange(iso: string | null): void;
}) {
  return (
    <label className="field field-embargo">
      <span>Embargo</span>
      <input
        type="datetime-local"
        value={toLocalInput(props.value)}
        disabled={props.disabled}
        onChange={(event) => {
          const value = event.target.value;
          props.onChange(value ? new Date(value).toISOString() : null);
        }}
      />
    </label>
  );
}
