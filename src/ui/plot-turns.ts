import { useEffect, useState } from 'react';
import { PAGE_FRAMES, type FrameHost } from '../store/frame-queue';

/**
 * The charts' plots take turns to redraw, one per drawn frame (README "Speed"). A recharts plot costs
 * tens of milliseconds to draw; three of them redrawn together, as one update of the charts makes them,
 * are one main-thread task long enough to stall the canvas at speed Max. Drawn one a frame, the same new
 * data reaches the three plots within three frames (50 ms), too close together to be seen apart.
 */
export function createTurns(host: Pick<FrameHost, 'frame'> = PAGE_FRAMES) {
  /** The plots waiting, first come first drawn; a plot asking again keeps its place with its newest draw. */
  const waiting = new Map<object, () => void>();
  let cancelFrame: (() => void) | null = null;
  const next = () => {
    cancelFrame = null;
    const first = waiting.entries().next();
    if (first.done) return;
    const [plot, draw] = first.value;
    waiting.delete(plot);
    draw();
    if (waiting.size) cancelFrame = host.frame(next);
  };
  return {
    /** Asks for `draw` to run at the next free frame; returns a function that withdraws the request. */
    request(plot: object, draw: () => void): () => void {
      waiting.set(plot, draw);
      cancelFrame ??= host.frame(next);
      return () => {
        if (waiting.get(plot) !== draw) return;
        waiting.delete(plot);
        if (!waiting.size) {
          cancelFrame?.();
          cancelFrame = null;
        }
      };
    },
  };
}

const PAGE_TURNS = createTurns();

/**
 * The value as the plot should draw it: at once while `taking` is false (paused: nothing is saved by
 * waiting), otherwise on the plot's turn (see {@link createTurns}).
 */
export function usePlotTurn<T>(value: T, taking: boolean): T {
  const [shown, setShown] = useState(value);
  // The plot's place in the queue: one object per mounted plot.
  const [plot] = useState(() => ({}));
  // Kept up to date while not taking turns, so that turns, once they begin, start from the value drawn.
  if (!taking && shown !== value) setShown(value);
  useEffect(() => {
    if (taking) return PAGE_TURNS.request(plot, () => setShown(value));
  }, [value, taking, plot]);
  return taking ? shown : value;
}
