import { startTransition, useEffect, useState } from 'react';
import { PAGE_FRAMES, type FrameHost } from '../store/frame-queue';

/**
 * The longest a turn waits for its plot to say it has drawn (a plot that unmounted, or was given what
 * it already showed, never says so).
 */
export const TURN_TIMEOUT_MS = 250;

/**
 * The charts' plots take turns to redraw, one at a time (README "Speed"). A recharts plot costs tens of
 * milliseconds to draw; three of them redrawn together, as one update of the charts makes them, are one
 * main-thread task long enough to stall the canvas at speed Max. Each plot draws as a transition, which
 * React renders in slices of a few milliseconds between frames (see {@link usePlotTurn}), so a turn
 * lasts until the plot reports it has drawn ({@link drawn}), then the next plot starts on the next
 * frame: a second plot started while the first one's render is still in slices would make React
 * start that render again with both.
 */
export function createTurns(host: Pick<FrameHost, 'frame' | 'later'> = PAGE_FRAMES) {
  /** The plots waiting, first come first drawn; a plot asking again keeps its place with its newest draw. */
  const waiting = new Map<object, () => void>();
  let cancelFrame: (() => void) | null = null;
  /** The plot whose turn it is, and the timer that ends its turn if it never reports. */
  let drawing: { plot: object; cancelTimeout: () => void } | null = null;
  const ask = () => {
    if (!drawing && waiting.size) cancelFrame ??= host.frame(next);
  };
  const next = () => {
    cancelFrame = null;
    const first = waiting.entries().next();
    if (first.done || drawing) return;
    const [plot, draw] = first.value;
    waiting.delete(plot);
    drawing = { plot, cancelTimeout: host.later(() => drawn(plot), TURN_TIMEOUT_MS) };
    draw();
  };
  /** The plot has drawn what its turn gave it: the next one may start. */
  const drawn = (plot: object) => {
    if (drawing?.plot !== plot) return;
    drawing.cancelTimeout();
    drawing = null;
    ask();
  };
  return {
    /** Asks for `draw` to run on the plot's turn; returns a function that withdraws the request. */
    request(plot: object, draw: () => void): () => void {
      waiting.set(plot, draw);
      ask();
      return () => {
        if (waiting.get(plot) !== draw) return;
        waiting.delete(plot);
        if (!waiting.size) {
          cancelFrame?.();
          cancelFrame = null;
        }
      };
    },
    drawn,
  };
}

const PAGE_TURNS = createTurns();

/**
 * The value as the plot should draw it: at once while `taking` is false (paused: nothing is saved by
 * waiting), otherwise on the plot's turn (see {@link createTurns}), rendered as a transition.
 */
export function usePlotTurn<T>(value: T, taking: boolean): T {
  const [shown, setShown] = useState(value);
  // The plot's place in the queue: one object per mounted plot.
  const [plot] = useState(() => ({}));
  // Kept up to date while not taking turns, so that turns, once they begin, start from the value drawn.
  if (!taking && shown !== value) setShown(value);
  useEffect(() => {
    if (taking) return PAGE_TURNS.request(plot, () => startTransition(() => setShown(value)));
  }, [value, taking, plot]);
  // Drawn (committed): the turn passes on.
  useEffect(() => PAGE_TURNS.drawn(plot), [shown, plot]);
  return taking ? shown : value;
}
