import { describe, expect, it } from 'vitest';
import { PING_EVERY_MS, SILENT_LIMIT_MS, createWatchdog } from './worker-watchdog';

/** A watchdog on a hand-driven clock: `tick(ms)` moves time and fires the timer when it is due. */
function watched(answers: boolean) {
  let now = 0;
  let task: (() => void) | null = null;
  let next = 0;
  const pings: number[] = [];
  const failures: string[] = [];
  const dog = createWatchdog({
    now: () => now,
    every: (t, ms) => {
      task = t;
      next = ms;
      return () => {
        task = null;
      };
    },
    ping: () => {
      pings.push(now);
      if (answers) dog.heard();
    },
    fail: (reason) => failures.push(reason),
  });
  /** Fires the timer `times` times, `gapMs` apart (late when the gap is longer than the period). */
  const tick = (times: number, gapMs = next) => {
    for (let i = 0; i < times; i++) {
      now += gapMs;
      task?.();
    }
  };
  return { dog, tick, pings, failures, stopped: () => task === null };
}

describe('worker watchdog', () => {
  it('keeps asking a worker that answers, and never fails it', () => {
    const w = watched(true);
    w.tick(60);
    expect(w.failures).toEqual([]);
    expect(w.pings).toHaveLength(60);
  });

  it('fails a silent worker once, a little after the limit, with the reason, and stops', () => {
    const w = watched(false);
    w.tick(Math.ceil(SILENT_LIMIT_MS / PING_EVERY_MS) + 5);
    expect(w.failures).toHaveLength(1);
    expect(w.failures[0]).toMatch(/stopped answering \(no reply for 6 s\)/);
    expect(w.stopped()).toBe(true);
    // One question, not one per tick: a slow answer is waited for.
    expect(w.pings).toEqual([PING_EVERY_MS]);
  });

  it('does not blame the worker for a page whose timers fired late (a hidden tab)', () => {
    const w = watched(false);
    w.tick(1);
    // Timers throttled to once a minute: every tick is late, so each one only asks again.
    w.tick(10, 60_000);
    expect(w.failures).toEqual([]);
    expect(w.pings).toHaveLength(11);
  });

  it('an answer that comes in time clears the question', () => {
    const w = watched(false);
    w.tick(4);
    w.dog.heard();
    w.tick(4);
    expect(w.failures).toEqual([]);
    w.tick(3);
    expect(w.failures).toHaveLength(1);
  });
});
