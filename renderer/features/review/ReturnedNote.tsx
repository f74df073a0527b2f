import type { Story } from '../../../shared/domain/story';
import { useCall } from '../../api/useCall';
import { formatWhen } from '../../components/formatTime';

/** The editor's note on a returned story, at the top of the form. */
export function ReturnedNote({ story }: { story: Story }) {
  const { value: history } = useCall(
    'workflow:history',
    story.status === 'returned' ? { storyId: story.id } : null,
  );
  const change = history?.find((entry) => entry.action === 'return') ?? null;
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
