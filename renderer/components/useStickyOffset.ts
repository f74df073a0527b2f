import { useLayoutEffect, useRef } from 'react';

/**
 * Publishes the height of a sticky header as `--sticky-top` on its parent, so what sticks below it
 * (the formatting toolbar, side panels) sits under it however many rows it wraps to.
 */
export function useStickyOffset<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const header = ref.current;
    const parent = header?.parentElement;
    if (!header || !parent) return;
    const observer = new ResizeObserver(() =>
      parent.style.setProperty('--sticky-top', `${header.getBoundingClientRect().height}px`),
    );
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return ref;
}
