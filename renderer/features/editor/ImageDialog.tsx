import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import type { FigureAttributes } from '../../../shared/editor';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { readImageFile } from '../../api/readImageFile';
import { Dialog } from '../../components/Dialog';

/** Inserts an image from disk with caption and credit, or edits those of the selected image. */
export function ImageDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const client = useClient();
  const editing = editor.isActive('figure');
  const current = (editing ? editor.getAttributes('figure') : {}) as Partial<FigureAttributes>;
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState(current.alt ?? '');
  const [caption, setCaption] = useState(current.caption ?? '');
  const [credit, setCredit] = useState(current.credit ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (editing) {
      editor.chain().focus().updateFigure({ alt, caption, credit }).run();
      return onClose();
    }
    if (!file) return setError('Choose an image file.');
    setBusy(true);
    try {
      const media = await client.call('media:import', await readImageFile(file));
      editor.chain().focus().insertFigure({ src: media.src, alt, caption, credit }).run();
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
      setBusy(false);
    }
  };

  const text = (label: string, value: string, set: (value: string) => void, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <input value={value} onChange={(event) => set(event.target.value)} placeholder={hint} />
    </label>
  );

  return (
    <Dialog
      title={editing ? 'Edit image' : 'Insert image'}
      submitLabel={editing ? 'Save image' : busy ? 'Inserting…' : 'Insert image'}
      submitDisabled={busy}
      onSubmit={() => void submit()}
      onCancel={() => {
        editor.commands.focus();
        onClose();
      }}
    >
      {!editing && (
        <label className="field">
          <span>Image file</span>
          <input
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(null);
            }}
          />
        </label>
      )}
      {text('Caption', caption, setCaption, 'What the picture shows')}
      {text('Credit', credit, setCredit, 'Photo: Agency / Photographer')}
      {text('Alt text', alt, setAlt, 'Describe the image for screen readers')}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
