import { useEffect } from 'react';
import { useArchStore } from '../../store/store';

/** How long a caption stays on screen, in wall-clock milliseconds. */
const CAPTION_MS = 6000;

/** The caption's class, by which FitOnResize keeps the graph clear of it. */
export const PRESENTER_CAPTION_CLASS = 'presenter-caption';

/**
 * The caption in large type at the bottom of the canvas, readable from the back of a room. While
 * presenting, its band is there even without a caption (empty and unseen): the graph is fitted above it
 * (FitOnResize), so a caption never covers a node, and a screen reader hears each new caption of a live
 * region that was already on the page.
 */
export function PresenterCaption() {
  const caption = useArchStore((s) => s.caption);
  const presenting = useArchStore((s) => s.presenting);
  const showCaption = useArchStore((s) => s.showCaption);
  useEffect(() => {
    if (!caption) return;
    const timer = window.setTimeout(() => showCaption(null), CAPTION_MS);
    return () => window.clearTimeout(timer);
  }, [caption, showCaption]);
  if (!presenting) return null;
  return (
    <p
      className={`${PRESENTER_CAPTION_CLASS}${caption ? '' : ` ${PRESENTER_CAPTION_CLASS}--idle`}`}
      role="status"
      aria-live="assertive"
    >
      {/* Keyed by caption: each new one comes in with its animation. */}
      {caption && <span key={caption.id}>{caption.text}</span>}
    </p>
  );
}
