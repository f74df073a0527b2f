import type { Story } from '../../../shared/domain/story';
import { useQueryCall } from '../../api/useQueryCall';
import { useCurrentPerson } from '../people/PersonContext';
import { isAuthor } from '../review/isAuthor';
import { useDeskStory } from './useDeskStory';

/**
 * On a published or spiked desk story whose later edits went into a correction draft (the desk's one per story,
 * or the one this window's typing just went to): where those words are, with a way there.
 */
export function CorrectionNotice(props: {
  story: Story;
  /** The correction this window's own typing went into, before the desk's word reached this machine. */
  typedInto: string | null;
  onOpenStory(id: string): void;
}) {
  const { story } = props;
  const { person } = useCurrentPerson();
  const { desk } = useDeskStory(story.id);
  const correctionId = desk?.correctionId ?? props.typedInto;
  const correction = useQueryCall('stories:get', correctionId ? { id: correctionId } : null).value;
  if (!correctionId || (story.status !== 'published' && story.status !== 'spiked')) return null;
  const after = story.status === 'spiked' ? 'it was spiked' : 'publication';
  const yours = props.typedInto !== null || (correction && isAuthor(correction.author, person.name));
  return (
    <p role="status" className="banner banner-warning correction-notice">
      {yours ? 'Your edits' : 'Edits'} after {after} are in the correction draft
      {correction ? ` “${correction.headline}”` : ''}; the story itself stays as it was.{' '}
      <button type="button" onClick={() => props.onOpenStory(correctionId)}>
        Open the correction
      </button>
    </p>
  );
}
