/** "212 / 300" under a limited field; shown while the field has focus or once the text nears its limit. */
export function CharCount({ id, value, max }: { id: string; value: string; max: number }) {
  const near = value.length >= max * 0.8;
  const className =
    value.length >= max ? 'char-count char-count-full' : near ? 'char-count char-count-near' : 'char-count';
  return (
    <span id={id} className={className} aria-label={`${value.length} of ${max} characters`}>
      {value.length} / {max}
    </span>
  );
}
