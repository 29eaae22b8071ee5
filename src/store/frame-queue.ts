/**
 * Hands the worker's messages to the store at most once per drawn frame, and at most every
 * {@link MIN_GAP_MS} (README "Speed"): at speed Max batches arrive faster than a slow machine draws, and
 * each one applied on its own renders every node and edge of the canvas again. Messages keep their
 * order; all that arrived since the last flush are applied together, so React renders once. A page
 * that draws no frames (a hidden tab) is flushed by a timer instead.
 */

/** The shortest wall time between two flushes: ten updates of the page a second. */
export const MIN_GAP_MS = 100;
/** The longest a message waits for a frame that does not come. */
export const FLUSH_AFTER_MS = 100;

/** Clock and timers the queue uses; the page passes performance.now, requestAnimationFrame and setTimeout. */
export interface FrameHost {
  now(): number;
  frame(task: () => void): () => void;
  later(task: () => void, ms: number): () => void;
}

export const PAGE_FRAMES: FrameHost = {
  now: () => performance.now(),
  frame: (task) => {
    const handle = requestAnimationFrame(task);
    return () => cancelAnimationFrame(handle);
  },
  later: (task, ms) => {
    const handle = setTimeout(task, ms);
    return () => clearTimeout(handle);
  },
};

/** A queue that calls `flush` with everything pushed since the last flush, on a frame. */
export function createFrameQueue<T>(
  flush: (items: readonly T[]) => void,
  host: FrameHost = PAGE_FRAMES,
): { push(item: T): void; clear(): void } {
  let items: T[] = [];
  let cancels: (() => void)[] = [];
  let lastFlush = -Infinity;
  const cancel = () => {
    for (const c of cancels) c();
    cancels = [];
  };
  const run = () => {
    cancel();
    lastFlush = host.now();
    const taken = items;
    items = [];
    if (taken.length) flush(taken);
  };
  const onFrame = () => {
    cancels.push(host.frame(run), host.later(run, FLUSH_AFTER_MS));
  };
  return {
    push(item) {
      items.push(item);
      if (items.length > 1) return;
      const wait = lastFlush + MIN_GAP_MS - host.now();
      if (wait <= 0) onFrame();
      else cancels.push(host.later(onFrame, wait));
    },
    clear() {
      cancel();
      items = [];
    },
  };
}
