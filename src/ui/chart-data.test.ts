import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/results';
import { WINDOW_SEC, eventsInWindow, windowOf, windowSpanOf } from './chart-data';

describe('the charts’ time window', () => {
  it('spans a run shorter than the window whole, and the window otherwise', () => {
    expect(windowSpanOf(90)).toBe(90);
    expect(windowSpanOf(600)).toBe(WINDOW_SEC);
    expect(windowSpanOf(Infinity)).toBe(WINDOW_SEC);
  });

  it('starts at 0 early in a run, then follows the clock', () => {
    expect(windowOf(30, 90)).toEqual([0, 90]);
    expect(windowOf(30)).toEqual([0, WINDOW_SEC]);
    expect(windowOf(300)).toEqual([300 - WINDOW_SEC, 300]);
  });

  it('keeps the events inside its span for markers', () => {
    const events = [10, 80, 100].map((t): SimEvent => ({ t, type: 'fail', target: 'S1' }));
    expect(eventsInWindow(events, 0, 90).map((e) => e.t)).toEqual([10, 80]);
  });
});
