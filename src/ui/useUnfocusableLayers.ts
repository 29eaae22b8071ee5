import { useEffect, type RefObject } from 'react';

/** recharts' layers: the direct groups of a chart's drawing (z-index layers are portal containers). */
const LAYERS = 'svg.recharts-surface > g:not([tabindex])';

/**
 * Keeps the Tab key off a chart's inner layers. recharts 3 draws each z-index layer into a `<g>` that
 * React makes a portal container, with focus listeners on it, and Chromium puts an SVG element with focus
 * listeners in the tab order: four unnamed stops per chart between the chart and the next control. An
 * explicit tabindex of -1 takes them out; the chart's own surface stays one stop (arrow keys read it).
 */
export function useUnfocusableLayers(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const untab = () => {
      for (const layer of root.querySelectorAll(LAYERS)) layer.setAttribute('tabindex', '-1');
    };
    untab();
    // The drawing arrives with its chunk and adds a layer when a kind of mark first appears.
    const observer = new MutationObserver(untab);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
}
