import { describe, expect, it } from 'vitest';
import { createTurns } from './plot-turns';

/** Frames by hand: `drawFrame()` runs the callbacks asked for before it. */
function fakeFrames() {
  let frames: (() => void)[] = [];
  return {
    host: {
      frame: (task: () => void) => {
        frames.push(task);
        return () => (frames = frames.filter((t) => t !== task));
      },
    },
    drawFrame: () => {
      const taken = frames;
      frames = [];
      taken.forEach((t) => t());
    },
    pending: () => frames.length,
  };
}

describe('plot turns', () => {
  it('draws one waiting plot per frame, in the order they asked', () => {
    const f = fakeFrames();
    const turns = createTurns(f.host);
    const drawn: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    turns.request(a, () => drawn.push('a1'));
    turns.request(b, () => drawn.push('b1'));
    turns.request(c, () => drawn.push('c1'));
    expect(drawn).toEqual([]);
    f.drawFrame();
    expect(drawn).toEqual(['a1']);
    f.drawFrame();
    expect(drawn).toEqual(['a1', 'b1']);
    f.drawFrame();
    expect(drawn).toEqual(['a1', 'b1', 'c1']);
    expect(f.pending()).toBe(0);
  });

  it('keeps a plot that asks again in its place with only its newest draw', () => {
    const f = fakeFrames();
    const turns = createTurns(f.host);
    const drawn: string[] = [];
    const [a, b] = [{}, {}];
    turns.request(a, () => drawn.push('a1'));
    turns.request(b, () => drawn.push('b1'));
    turns.request(a, () => drawn.push('a2'));
    f.drawFrame();
    f.drawFrame();
    f.drawFrame();
    expect(drawn).toEqual(['a2', 'b1']);
  });

  it('forgets a withdrawn request, and asks for no frame when none waits', () => {
    const f = fakeFrames();
    const turns = createTurns(f.host);
    const drawn: string[] = [];
    const withdraw = turns.request({}, () => drawn.push('gone'));
    withdraw();
    expect(f.pending()).toBe(0);
    const b = {};
    turns.request(b, () => drawn.push('b1'));
    const stale = turns.request(b, () => drawn.push('b2'));
    // A newer request from the same plot is not withdrawn by the older one's cleanup.
    const older = turns.request(b, () => drawn.push('b3'));
    stale();
    f.drawFrame();
    expect(drawn).toEqual(['b3']);
    older();
    expect(f.pending()).toBe(0);
  });
});
