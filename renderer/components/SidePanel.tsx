import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { sidePanelShown } from './sidePanelPresence';
import './sidePanel.css';

/**
 * The one panel beside the story (History, Comments, Changes, Activity) with its title and a Close button.
 * Opening it moves focus into it (unless a field inside took focus); Escape or Close hands focus back to
 * whatever had it before, usually the button that opened it.
 */
export function SidePanel(props: {
  title: string;
  className?: string;
  onClose(): void;
  children: ReactNode;
}) {
  const panel = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Whatever had focus when the panel first rendered: the button or the editor that opened it.
  const [returnTo] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    sidePanelShown(true);
    return () => sidePanelShown(false);
  }, []);

  useEffect(() => {
    const element = panel.current;
    if (element && !element.contains(document.activeElement)) heading.current?.focus();
    return () => {
      const target = returnTo;
      const focusLeftWithPanel = !document.activeElement || document.activeElement === document.body;
      if (target?.isConnected && (focusLeftWithPanel || element?.contains(document.activeElement)))
        target.focus();
    };
  }, [returnTo]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    props.onClose();
  };

  return (
    <aside
      ref={panel}
      className={props.className ? `side-panel ${props.className}` : 'side-panel'}
      aria-label={props.title}
      onKeyDown={onKeyDown}
    >
      <header className="side-panel-header">
        <h2 ref={heading} tabIndex={-1}>
          {props.title}
        </h2>
        <button type="button" className="button-quiet" onClick={props.onClose}>
          Close
        </button>
      </header>
      {props.children}
    </aside>
  );
}
