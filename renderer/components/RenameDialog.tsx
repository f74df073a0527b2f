import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { Dialog } from './Dialog';

/** Asks for a new name; shows why it was refused (by `problemWith` or by the core) and stays open. */
export function RenameDialog(props: {
  currentName: string;
  maxLength: number;
  rename(name: string): Promise<unknown>;
  problemWith?(name: string): string | null;
  onDone(): void;
}) {
  const [name, setName] = useState(props.currentName);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    const why = props.problemWith?.(name) ?? null;
    if (why) return setProblem(why);
    try {
      await props.rename(name);
      props.onDone();
    } catch (cause) {
      setProblem(errorMessage(cause));
    }
  };
  return (
    <Dialog
      title={`Rename “${props.currentName}”`}
      submitLabel="Rename"
      onSubmit={() => void submit()}
      onCancel={props.onDone}
    >
      <label className="field">
        <span>New name</span>
        <input
          value={name}
          maxLength={props.maxLength}
          autoFocus
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      {problem && (
        <p role="alert" className="field-problem">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
