import { PublishDialog } from './PublishDialog';
import { publishSessions, usePublishSession } from './publishSessions';
import { usePreflight } from './usePreflight';
import './publish.css';

/** The editor toolbar's Publish (or Update) button, with a "changed since published" badge. */
export function PublishButton(props: { storyId: string; flush(): Promise<void> }) {
  const { preflight, refresh } = usePreflight(props.storyId);
  const open = usePublishSession(props.storyId) !== undefined;
  const publication = preflight?.publication;
  const live = publication?.state === 'published' || publication?.state === 'scheduled';
  return (
    <span className="publish-control">
      {publication?.changedSince && (
        <span className="publish-badge" title={`Edited after it was published on ${preflight?.target.name}`}>
          Changed since published
        </span>
      )}
      <button
        type="button"
        className="button-primary publish-button"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          void props.flush().finally(refresh);
          publishSessions.open(props.storyId);
        }}
      >
        {live ? 'Update' : 'Publish'}
      </button>
      {open && preflight && (
        <PublishDialog
          storyId={props.storyId}
          preflight={preflight}
          onClose={() => publishSessions.close(props.storyId)}
        />
      )}
    </span>
  );
}
