import { useEffect } from 'react';
import { useArchStore } from '../../store/store';

/** How long a caption stays on screen, in wall-clock milliseconds. */
const CAPTION_MS = 6000;

/** The caption in large type over the bottom of the canvas, readable from the back of a room. */
export function PresenterCaption() {
  const caption = useArchStore((s) => s.caption);
  const presenting = useArchStore((s) => s.presenting);
  const showCaption = useArchStore((s) => s.showCaption);
  useEffect(() => {
    if (!caption) return;
    const timer = window.setTimeout(() => showCaption(null), CAPTION_MS);
    return () => window.clearTimeout(timer);
  }, [caption, showCaption]);
  if (!presenting || !caption) return null;
  return (
    <p className="presenter-caption" role="status" aria-live="assertive" key={caption.id}>
      {caption.text}
    </p>
  );
}
