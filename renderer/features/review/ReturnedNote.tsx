import { useEffect, useState } from 'react';
import type { Story } from '../../../shared/domain/story';
import type { StatusChange } from '../../../shared/domain/workflow';
import { useClient } from '../../api/ClientContext';
import { formatWhen } from '../../components/formatTime';

/** The editor's note on a returned story, at the top of the form. */
export function ReturnedNote({ story }: { story: Story }) {
  const client = useClient();
  const [change, setChange] = useState<StatusChange | null>(null);
  useEffect(() => {
    if (story.status !== 'returned') return;
    let current = true;
    client
      .call('workflow:history', { storyId: story.id })
      .then((history) => current && setChange(history.find((h) => h.action === 'return') ?? null))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [client, story.id, story.status]);
  if (story.status !== 'returned' || !change) return null;
  return (
    <section className="banner banner-warning returned-note" aria-label="Returned with a note">
      <strong>
        Returned by {change.person || 'an editor'} {formatWhen(change.at)}:
      </strong>{' '}
      <span className="returned-note-text">{change.note}</span>
    </section>
  );
}
