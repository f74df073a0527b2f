import type { Story } from '../../../shared/domain/story';
import { useQueryCall } from '../../api/useQueryCall';
import { formatWhen } from '../../components/formatTime';
import { useCurrentPerson } from '../people/PersonContext';
import { isAuthor } from './isAuthor';
import { pendingReturn } from './pendingReturn';
import './review.css';

/**
 * The editor's note on a returned story, at the top of the form: shown while the story is returned, and
 * in draft after "Back to draft", until it is resubmitted.
 */
export function ReturnedNote({ story }: { story: Story }) {
  const { person } = useCurrentPerson();
  const mayHaveNote = story.status === 'returned' || story.status === 'draft';
  const { value: history } = useQueryCall('workflow:history', mayHaveNote ? { storyId: story.id } : null);
  const change = history ? pendingReturn(history) : null;
  if (!mayHaveNote || !change) return null;
  return (
    <section className="banner banner-warning returned-note" aria-label="Returned with a note">
      <strong>
        {isAuthor(story.author, person.name) ? 'Returned to you' : 'Returned'} by{' '}
        {change.person || 'an editor'} {formatWhen(change.at)}:
      </strong>{' '}
      <span className="returned-note-text">{change.note}</span>
    </section>
  );
}
