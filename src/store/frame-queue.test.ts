import { describe, expect, it } from 'vitest';
import { FLUSH_AFTER_MS, MIN_GAP_MS, createFrameQueue, type FrameHost } from './frame-queue';

/** Frames and timers by hand: `advance(ms)` runs due timers; `drawFrame()` runs frame callbacks. */
function fakeFrames() {
  let now = 0;
  let frames: (() => void)[] = [];
  let timers: { task: () => void; at: number }[] = [];
  const host: FrameHost = {
    now: () => now,
    frame: (task) => {
      frames.push(task);
      return () => (frames = frames.filter((t) => t !== task));
    },
    later: (task, ms) => {
      const entry = { task, at: now + ms };
      timers.push(entry);
      return () => (timers = timers.filter((t) => t !== entry));
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = due.at;
      due.task();
    }
    now = end;
  };
  const drawFrame = () => {
    const taken = frames;
    frames = [];
    taken.forEach((t) => t());
  };
  return { host, advance, drawFrame, pending: () => ({ frames: frames.length, timers: timers.length }) };
}

function queued<T>() {
  const f = fakeFrames();
  const flushed: T[][] = [];
  const queue = createFrameQueue<T>((items) => flushed.push([...items]), f.host);
  return { ...f, flushed, queue };
}

describe('frame queue', () => {
  it('applies everything that arrived before a frame together, in order, once', () => {
    const q = queued<number>();
    q.queue.push(1);
    q.queue.push(2);
    q.queue.push(3);
    expect(q.flushed).toEqual([]);
    q.drawFrame();
    expect(q.flushed).toEqual([[1, 2, 3]]);
    // The fallback timer of that flush is cancelled: nothing is applied twice.
    expect(q.pending()).toEqual({ frames: 0, timers: 0 });
  });

  it('leaves at least the minimum gap between two flushes, however many frames are drawn', () => {
    const q = queued<number>();
    q.queue.push(1);
    q.drawFrame();
    q.queue.push(2);
    q.drawFrame();
    q.advance(MIN_GAP_MS / 2);
    q.drawFrame();
    expect(q.flushed).toEqual([[1]]);
    q.queue.push(3);
    q.advance(MIN_GAP_MS / 2);
    q.drawFrame();
    expect(q.flushed).toEqual([[1], [2, 3]]);
  });

  it('flushes by timer when no frame is drawn (a hidden tab)', () => {
    const q = queued<string>();
    q.queue.push('a');
    q.advance(FLUSH_AFTER_MS);
    expect(q.flushed).toEqual([['a']]);
    expect(q.pending()).toEqual({ frames: 0, timers: 0 });
  });

  it('drops what is queued when cleared (the worker was replaced)', () => {
    const q = queued<number>();
    q.queue.push(1);
    q.queue.clear();
    q.drawFrame();
    q.advance(1_000);
    expect(q.flushed).toEqual([]);
  });
});
