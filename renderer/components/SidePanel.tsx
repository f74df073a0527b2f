import type { ReactNode } from 'react';

/** A panel beside the story (History, Comments, Changes, Activity) with its title and a Close button. */
export function SidePanel(props: {
  title: string;
  className?: string;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <aside
      className={props.className ? `side-panel ${props.className}` : 'side-panel'}
      aria-label={props.title}
    >
      <header className="side-panel-header">
        <h2>{props.title}</h2>
        <button type="button" className="button-quiet" onClick={props.onClose}>
          Close
        </button>
      </header>
      {props.children}
    </aside>
  );
}
