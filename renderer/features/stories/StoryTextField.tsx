import { useId, type ChangeEvent, type ReactNode } from 'react';
import { CharCount } from '../../components/CharCount';
import { TextControl } from './TextControl';

/** A story's text field with its limit enforced while typing, a counter, and why its value is not saved (if so) right under it. */
export function StoryTextField(props: {
  label: string;
  value: string;
  max: number;
  multiline?: boolean;
  autoFocus?: boolean;
  className?: string;
  placeholder?: string;
  problem?: string;
  /** Shown under the field (e.g. another person's value for it). */
  note?: ReactNode;
  onChange(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  onBlur(): void;
}) {
  const id = useId();
  const countId = `${id}-count`;
  const problemId = `${id}-problem`;
  const control = {
    id,
    value: props.value,
    maxLength: props.max,
    onChange: props.onChange,
    onBlur: props.onBlur,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    'aria-invalid': props.problem ? true : undefined,
    'aria-describedby': props.problem ? `${problemId} ${countId}` : countId,
  };
  return (
    <div className={`field ${props.className ?? ''}${props.problem ? ' field-invalid' : ''}`}>
      <span className="field-label-row">
        <label htmlFor={id}>{props.label}</label>
        <CharCount id={countId} value={props.value} max={props.max} />
      </span>
      <TextControl multiline={props.multiline} {...control} />
      {props.problem && (
        <p id={problemId} className="field-problem">
          Not saved: {props.problem.replace(/^At most/u, 'at most')}
          {props.value.length > props.max ? ` (this has ${props.value.length}). Shorten it to save it.` : '.'}
        </p>
      )}
      {props.note}
    </div>
  );
}
