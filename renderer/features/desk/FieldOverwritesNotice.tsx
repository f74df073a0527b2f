import { useState } from 'react';
import type { SyncedField } from '../../../shared/domain/storyDocShape';
import { slugThatFollowed } from '../../../shared/domain/slugThatFollowed';
import type { DeskFieldOverwrite } from '../../../shared/ipc/channels/desk';
import { useClient } from '../../api/ClientContext';
import { errorMessage } from '../../api/errorMessage';

const FIELD_NAMES: Record<SyncedField, string> = {
  headline: 'headline',
  standfirst: 'standfirst',
  byline: 'byline',
  dateline: 'dateline',
  credit: 'credit',
  slug: 'slug',
  sectionId: 'section',
  featuredImage: 'featured image',
  embargoUntil: 'embargo',
};

function valueText(value: unknown): string {
  if (value === null || value === '') return 'empty';
  if (typeof value !== 'string') return 'a different one';
  return `“${value.length > 160 ? `${value.slice(0, 160)}…` : value}”`;
}

/**
 * Fields that this machine and another changed while apart, where the story kept the other machine's value
 * (a desk story's field holds one value): each offers this machine's back, or keeps theirs.
 */
export function FieldOverwritesNotice(props: { storyId: string; overwrites: DeskFieldOverwrite[] }) {
  const client = useClient();
  const [busy, setBusy] = useState<SyncedField | null>(null);
  const [error, setError] = useState<string | null>(null);
  const followed = slugThatFollowed(props.overwrites);
  const shown = props.overwrites.filter((overwrite) => overwrite !== followed);
  if (shown.length === 0) return null;

  const settle = async (field: SyncedField, choice: 'restore' | 'keep') => {
    setBusy(field);
    setError(null);
    try {
      await client.call('desk:settleOverwrite', { storyId: props.storyId, field, choice });
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="banner banner-warning desk-notice" aria-label="Changed on two machines">
      {shown.map(({ field, lost }) => (
        <div key={field} className="field-overwrite">
          <p>
            <strong>The {FIELD_NAMES[field]} was changed here and on another machine</strong> while the two
            were apart, and the story has the other machine’s. This machine’s was {valueText(lost)}.
          </p>
          <p className="banner-actions">
            <button type="button" disabled={busy !== null} onClick={() => void settle(field, 'restore')}>
              {busy === field ? 'Putting it back…' : 'Use this machine’s'}
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void settle(field, 'keep')}>
              Keep theirs
            </button>
          </p>
        </div>
      ))}
      {error && (
        <p role="alert" className="workflow-error">
          {error}
        </p>
      )}
    </section>
  );
}
