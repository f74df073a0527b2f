import type { InputHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>;

/** A form's labelled text input: the caption above, the typed text handed to `onValue`. */
export function InputField({
  label,
  value,
  onValue,
  ...input
}: InputProps & { label: string; value: string; onValue(value: string): void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} value={value} onChange={(event) => onValue(event.target.value)} />
    </label>
  );
}
