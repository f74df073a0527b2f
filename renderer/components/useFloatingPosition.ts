import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type Placement,
  type ReferenceElement,
} from '@floating-ui/dom';
import { useLayoutEffect, type RefObject } from 'react';

/** Room kept between a popup and the window's edges. */
const EDGE = 8;

export interface FloatingOptions {
  /** Where the popup goes when there is room: under the reference (the default) or above it. */
  placement?: Placement;
  /** The popup is as wide as its reference (a menu over its button). */
  sameWidth?: boolean;
}

/**
 * While `open`, keeps the popup in `floating` beside `anchor` (an element, or a virtual one such as the caret) and inside the window (Floating UI): it flips to the other side
 * when there is no room, slides back from the right edge (and back up when its reference is past the bottom, as a caret
 * is after the window shrinks), and scrolls rather than run off the bottom. It follows
 * scrolling and resizing until unmounted. The popup is placed with inline styles (`position: fixed`).
 */
export function useFloatingPosition(
  open: boolean,
  anchor: RefObject<ReferenceElement | null> | ReferenceElement,
  floating: RefObject<HTMLElement | null>,
  { placement = 'bottom-start', sameWidth = false }: FloatingOptions = {},
): void {
  useLayoutEffect(() => {
    const reference = 'current' in anchor ? anchor.current : anchor;
    const element = floating.current;
    if (!open || !reference || !element) return;
    Object.assign(element.style, { position: 'fixed', top: '0', left: '0', right: 'auto', bottom: 'auto' });
    const update = () =>
      void computePosition(reference, element, {
        strategy: 'fixed',
        placement,
        middleware: [
          offset(4),
          flip({ padding: EDGE }),
          // Also up or down: a window that shrinks can leave the reference (a caret) below its edge, clipped.
          shift({ padding: EDGE, crossAxis: true }),
          size({
            padding: EDGE,
            apply({ availableWidth, availableHeight, rects }) {
              Object.assign(element.style, {
                maxWidth: `${Math.max(0, availableWidth)}px`,
                maxHeight: `${Math.max(0, availableHeight)}px`,
                overflowY: 'auto',
                ...(sameWidth && { width: `${rects.reference.width}px` }),
              });
            },
          }),
        ],
      }).then(({ x, y }) => Object.assign(element.style, { left: `${x}px`, top: `${y}px` }));
    return autoUpdate(reference, element, update);
  }, [open, anchor, floating, placement, sameWidth]);
}
