import { describe, expect, it } from 'vitest';
import { ArrivalClock } from '../src/sim/arrival-clock';
import type { NodeIx } from '../src/sim/indices';

const ix = (n: number) => n as NodeIx;

describe('ArrivalClock (clients’ next requests beside the event list)', () => {
  it('names the earliest arrival, ties broken by sequence number as in the event list', () => {
    const clock = new ArrivalClock(4, [ix(0), ix(2), ix(3)]);
    expect(clock.nextClient).toBe(-1);
    clock.set(ix(0), 5, 10);
    clock.set(ix(2), 5, 7);
    clock.set(ix(3), 6, 1);
    expect([clock.nextClient, clock.nextTime, clock.nextSeq]).toEqual([2, 5, 7]);
    expect(clock.isBefore(5, 8)).toBe(true);
    expect(clock.isBefore(5, 6)).toBe(false);
    expect(clock.isBefore(4.9, 100)).toBe(false);
  });

  it('finds the next client once the earliest has moved on, and replaces a pending arrival', () => {
    const clock = new ArrivalClock(3, [ix(0), ix(1)]);
    clock.set(ix(0), 1, 0);
    clock.set(ix(1), 2, 1);
    clock.set(ix(0), 3, 2); // client 0's request was taken: its next one is later
    expect([clock.nextClient, clock.nextTime]).toEqual([1, 2]);
    clock.set(ix(1), 4, 3); // a load step replaces client 1's arrival
    expect([clock.nextClient, clock.nextTime]).toEqual([0, 3]);
  });

  it('has nothing pending once every client is done (Infinity)', () => {
    const clock = new ArrivalClock(1, [ix(0)]);
    clock.set(ix(0), 1, 0);
    clock.set(ix(0), Infinity, Infinity);
    expect([clock.nextClient, clock.nextTime]).toEqual([-1, Infinity]);
    expect(clock.isBefore(Infinity, Infinity)).toBe(false);
  });
});
