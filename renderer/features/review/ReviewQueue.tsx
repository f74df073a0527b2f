import { useQueryCall } from '../../api/useQueryCall';
import { formatFull } from '../../components/formatTime';
import { useCurrentPerson } from '../people/PersonContext';
import { useSections } from '../stories/useSections';
import { enterReviewMode } from './reviewMode';
import './review.css';

function waiting(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(since)) / 60_000));
  if (minutes < 1) return 'waiting under a minute';
  if (minutes < 60) return `waiting ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `waiting ${hours} h ${minutes % 60} min`;
  return `waiting ${Math.floor(hours / 24)} days`;
}

/** Stories submitted for review, oldest first; opening one puts the editor in review mode. */
export function ReviewQueue(props: { selectedId: string | null; onOpen(id: string): void }) {
  const sections = useSections();
  const isEditor = useCurrentPerson().person.role === 'editor';
  const { value: items, error } = useQueryCall('workflow:queue', isEditor ? {} : null);

  const sectionName = (id: string | null) => sections.find((s) => s.id === id)?.name ?? 'No section';

  return (
    <section className="story-list review-queue" aria-label="Review queue">
      <header className="list-header">
        <h2>Review queue</h2>
        <span className="count">{items?.length ?? ''}</span>
      </header>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {!isEditor && <p className="list-empty">The review queue is for editors.</p>}
      {isEditor && items?.length === 0 && <p className="list-empty">Nothing is waiting for review.</p>}
      <ul className="stories">
        {isEditor &&
          items?.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="story-row"
                aria-current={props.selectedId === item.id ? 'true' : undefined}
                onClick={() => {
                  enterReviewMode(item.id);
                  props.onOpen(item.id);
                }}
              >
                <span className="story-row-headline">{item.headline || 'Untitled story'}</span>
                <span className="story-row-meta queue-meta">
                  <span>{item.author || 'Unknown author'}</span>
                  <span>{sectionName(item.sectionId)}</span>
                  <span>{item.wordCount === 1 ? '1 word' : `${item.wordCount} words`}</span>
                  <time dateTime={item.submittedAt} title={`Submitted ${formatFull(item.submittedAt)}`}>
                    {waiting(item.submittedAt)}
                  </time>
                  {item.unresolvedComments > 0 && (
                    <span className="queue-comments">
                      {item.unresolvedComments === 1
                        ? '1 open comment'
                        : `${item.unresolvedComments} open comments`}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}
