import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { normalizeLinkUrl } from '../../../shared/editor';
import { Dialog } from '../../components/Dialog';

/** Sets, changes or removes the link on the selection; only http, https and mailto addresses are accepted. */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [address, setAddress] = useState(current);
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const href = normalizeLinkUrl(address);
    if (!href) {
      setError('Only web (http, https) and email (mailto) links are allowed.');
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <Dialog
      title="Link"
      submitLabel="Apply link"
      onSubmit={apply}
      onCancel={() => {
        editor.commands.focus();
        onClose();
      }}
      extraActions={
        current ? (
          <button type="button" className="button-quiet" onClick={remove}>
            Remove link
          </button>
        ) : null
      }
    >
      <label className="field">
        <span>Link address</span>
        <input
          autoFocus
          value={address}
          onChange={(event) => {
            setAddress(event.target.value);
            setError(null);
          }}
          placeholder="https://example.com/page"
          aria-invalid={error !== null}
          aria-describedby={error ? 'link-error' : undefined}
        />
      </label>
      {error && (
        <p id="link-error" role="alert" className="field-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
