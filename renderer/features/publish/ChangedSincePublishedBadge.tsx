import './publish.css';

/** Marks a story edited after it went live, in the list and in the editor toolbar. */
export function ChangedSincePublishedBadge(props: { title: string }) {
  return (
    <span className="publish-badge" title={props.title}>
      Changed since published
    </span>
  );
}
