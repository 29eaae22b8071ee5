import { describe, expect, it } from 'vitest';
import { createTurns, TURN_TIMEOUT_MS } from './plot-turns';

/** Frames and timers by hand: `drawFrame()` runs the callbacks asked for before it, `pass(ms)` the timers due. */
function fakeFrames() {
  let frames: (() => void)[] = [];
  let timers: { at: number; task: () => void }[] = [];
  let now = 0;
  return {
    host: {
      frame: (task: () => void) => {
        frames.push(task);
        return () => (frames = frames.filter((t) => t !== task));
      },
      later: (task: () => void, ms: number) => {
        const timer = { at: now + ms, task };
        timers.push(timer);
        return () => (timers = timers.filter((t) => t !== timer));
      },
    },
    pass: (ms: number) => {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.task());
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
  it('draws one waiting plot at a time, in the order they asked, the next a frame after one has drawn', () => {
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
    // a is still drawing (its render goes on in slices): b waits, however many frames go by.
    f.drawFrame();
    f.drawFrame();
    expect(drawn).toEqual(['a1']);
    turns.drawn(b); // not b's turn: changes nothing
    f.drawFrame();
    expect(drawn).toEqual(['a1']);
    turns.drawn(a);
    f.drawFrame();
    expect(drawn).toEqual(['a1', 'b1']);
    turns.drawn(b);
    f.drawFrame();
    expect(drawn).toEqual(['a1', 'b1', 'c1']);
    turns.drawn(c);
    expect(f.pending()).toBe(0);
  });

  it('passes the turn on when a plot never says it has drawn', () => {
    const f = fakeFrames();
    const turns = createTurns(f.host);
    const drawn: string[] = [];
    turns.request({}, () => drawn.push('gone'));
    turns.request({}, () => drawn.push('next'));
    f.drawFrame();
    f.pass(TURN_TIMEOUT_MS - 1);
    f.drawFrame();
    expect(drawn).toEqual(['gone']);
    f.pass(1);
    f.drawFrame();
    expect(drawn).toEqual(['gone', 'next']);
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
    turns.drawn(a);
    f.drawFrame();
    turns.drawn(b);
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
