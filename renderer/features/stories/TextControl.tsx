import { Component, createRef, type ChangeEvent } from 'react';

interface Selected {
  text: string;
  start: number;
  end: number;
}

/**
 * Where an offset in `before` is in `after`, when only a run between a common start and a common end changed:
 * text before the change keeps its offset, text after it moves by the change's length, and an offset inside the
 * changed run goes to its start (for a selection's start) or its end (for a selection's end).
 */
export function offsetAfterChange(
  before: string,
  after: string,
  offset: number,
  side: 'start' | 'end',
): number {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix])
    suffix++;
  if (offset <= prefix) return offset;
  if (offset >= before.length - suffix) return offset + after.length - before.length;
  return side === 'start' ? prefix : after.length - suffix;
}

interface Props {
  value: string;
  multiline?: boolean;
  id?: string;
  maxLength?: number;
  placeholder?: string;
  autoFocus?: boolean;
  spellCheck?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  onChange(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  onBlur(): void;
}

/**
 * A text input (or textarea) whose value, replaced from elsewhere while the person is in it (another machine's
 * edit), keeps their caret or selection on the same text. React's write of the value would put the caret after
 * the last character: a person who had just selected the whole field to retype it would type after the other
 * machine's text. A class for getSnapshotBeforeUpdate, React's one way to read the DOM before it changes.
 */
export class TextControl extends Component<Props> {
  #control = createRef<HTMLInputElement & HTMLTextAreaElement>();

  override getSnapshotBeforeUpdate(): Selected | null {
    const control = this.#control.current;
    if (!control || control.value === this.props.value || control !== control.ownerDocument.activeElement)
      return null;
    return { text: control.value, start: control.selectionStart ?? 0, end: control.selectionEnd ?? 0 };
  }

  override componentDidUpdate(_props: Props, _state: unknown, was: Selected | null): void {
    const control = this.#control.current;
    if (!was || !control || control.value !== this.props.value) return;
    // The whole text selected (to retype it) stays the whole text, whatever was added at either end.
    if (was.start === 0 && was.end === was.text.length) return control.select();
    control.setSelectionRange(
      offsetAfterChange(was.text, control.value, was.start, 'start'),
      offsetAfterChange(was.text, control.value, was.end, 'end'),
    );
  }

  override render() {
    const { multiline, ...control } = this.props;
    return multiline ? (
      <textarea ref={this.#control} rows={2} spellCheck {...control} />
    ) : (
      <input ref={this.#control} {...control} />
    );
  }
}
