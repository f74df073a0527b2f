import type { LinkedStory, LinkKind } from '../../../shared/domain/storyLinks';
import { linkTitle } from './linkStatusStore';
import type { StoryLinksState } from './useStoryLinks';
import './links.css';

const KIND_LABELS: Record<LinkKind, string> = { inline: 'Link', also_read: 'Also read' };

const BROKEN_LABELS: Record<LinkedStory['state'], string> = {
  ok: '',
  trashed: 'Broken: in trash',
  spiked: 'Broken: spiked',
  missing: 'Broken: deleted',
};

function LinkList(props: { label: string; empty: string; stories: LinkedStory[]; onOpen(id: string): void }) {
  const headingId = `links-${props.label.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <div className="links-group">
      <h3 id={headingId}>{props.label}</h3>
      {props.stories.length === 0 ? (
        <p className="links-empty">{props.empty}</p>
      ) : (
        <ul className="links-list" aria-labelledby={headingId}>
          {props.stories.map((story) => (
            <li key={story.id} className={story.broken ? 'links-item is-broken' : 'links-item'}>
              <button
                type="button"
                className="links-open"
                title={linkTitle(story)}
                disabled={story.state === 'missing'}
                onClick={() => props.onOpen(story.id)}
              >
                {story.headline || (story.state === 'missing' ? 'A deleted story' : 'Untitled story')}
              </button>
              <span className="links-kinds">
                {story.kinds.map((kind) => (
                  <span key={kind} className="links-kind">
                    {KIND_LABELS[kind]}
                  </span>
                ))}
                {story.broken && <span className="link-broken-badge">{BROKEN_LABELS[story.state]}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "Links to" and "Linked from" of the open story, as they are stored after its last save. */
export function LinksPanel({
  state,
  onOpenStory,
}: {
  state: StoryLinksState;
  onOpenStory(id: string): void;
}) {
  return (
    <section className="links-panel" aria-label="Links">
      {state.error && (
        <p role="alert" className="field-error">
          {state.error}
        </p>
      )}
      <LinkList
        label="Links to"
        empty="No links yet. Type [[ in the body to link a story."
        stories={state.links?.linksTo ?? []}
        onOpen={onOpenStory}
      />
      <LinkList
        label="Linked from"
        empty="No story links here yet."
        stories={state.links?.linkedFrom ?? []}
        onOpen={onOpenStory}
      />
    </section>
  );
}
