import { ChangedSincePublishedBadge } from './ChangedSincePublishedBadge';
import { PublishDialog } from './PublishDialog';
import { publishSessions, usePublishSession } from './publishSessions';
import { usePreflight } from './usePreflight';

/** The editor toolbar's Publish (or Update) button, with a "changed since published" badge. */
export function PublishButton(props: { storyId: string; flush(): Promise<void> }) {
  const { preflight, refresh, replace } = usePreflight(props.storyId);
  const open = usePublishSession(props.storyId) !== undefined;
  const publication = preflight?.publication;
  const live = publication?.state === 'published' || publication?.state === 'scheduled';
  return (
    <span className="publish-control">
      {publication?.changedSince && (
        <ChangedSincePublishedBadge title={`Edited after it was published on ${preflight?.target.name}`} />
      )}
      <button
        type="button"
        className="button-primary publish-button"
        title={preflight ? `${live ? 'Update on' : 'Publish to'} ${preflight.target.name}` : undefined}
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
          onPreflight={replace}
          onClose={() => publishSessions.close(props.storyId)}
        />
      )}
    </span>
  );
}
