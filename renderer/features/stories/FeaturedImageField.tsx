import { useRef, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';
import { readImageFile } from '../../api/readImageFile';
import './featuredImageField.css';

/** Picks the story's featured image from disk (stored once in the media store) or removes it. */
export function FeaturedImageField(props: {
  value: string | null;
  disabled: boolean;
  onChange(src: string | null): void;
}) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      const media = await client.call('media:import', await readImageFile(file));
      setError(null);
      props.onChange(media.src);
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <div className="field featured-image" role="group" aria-labelledby="featured-image-label">
      <label htmlFor="featured-image-input" id="featured-image-label">
        <span>Featured image</span>
      </label>
      <div className="featured-image-row">
        {props.value ? (
          <img src={props.value} alt="Featured" className="featured-image-preview" />
        ) : (
          <span className="featured-image-empty">None</span>
        )}
        {/* The native file control reads "No file chosen" even with an image set; a button says what it does. */}
        <input
          ref={input}
          id="featured-image-input"
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          accept="image/jpeg,image/png,image/gif,image/webp"
          disabled={props.disabled}
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <button
          type="button"
          className="button-quiet"
          disabled={props.disabled}
          onClick={() => input.current?.click()}
        >
          {props.value ? 'Replace image…' : 'Choose image…'}
        </button>
        {props.value && (
          <button
            type="button"
            className="button-quiet"
            disabled={props.disabled}
            onClick={() => props.onChange(null)}
          >
            Remove featured image
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
