import { describe, expect, it } from 'vitest';
import { ACTIVE_ACTIVE } from '../model/presets';
import { createSimulation } from '../sim/engine';
import type { SecondRow } from '../sim/results';
import type { Batch, FromWorker } from './protocol';
import { unpackLast } from './row-packing';
import { createRunner, faultTimeSec } from './runner';

/**
 * A host with a hand-driven clock: `later` and `soon` tasks run when the test says so, and each reading
 * of the clock costs `msPerRead` of wall time (so that time-boxed slices end).
 */
function fakeHost(msPerRead = 0) {
  let now = 0;
  const tasks: { at: number; task: () => void }[] = [];
  const posted: FromWorker[] = [];
  const host = {
    create: (doc: typeof ACTIVE_ACTIVE.document) => createSimulation(doc),
    post: (message: FromWorker) => posted.push(message),
    now: () => (now += msPerRead),
    later: (task: () => void, ms: number) => tasks.push({ at: now + ms, task }),
    soon: (task: () => void) => tasks.push({ at: now, task }),
  };
  /** Advances the wall clock by `ms`, running due tasks in order. */
  const runFor = (ms: number) => {
    const end = now + ms;
    for (;;) {
      tasks.sort((a, b) => a.at - b.at);
      const next = tasks[0];
      if (!next || next.at > end) break;
      tasks.shift();
      now = Math.max(now, next.at);
      next.task();
    }
    now = end;
  };
  const batches = () => posted.filter((m): m is Batch => m.type === 'batch');
  return { host, posted, runFor, batches };
}

const rowsOf = (batches: readonly Batch[]): SecondRow[] => unpackLast(batches.flatMap((b) => b.rows));

describe('faultTimeSec', () => {
  it('rounds up to the next whole millisecond, never into the past', () => {
    expect(faultTimeSec(12.3451)).toBe(12.346);
    expect(faultTimeSec(12.345)).toBe(12.345);
    expect(faultTimeSec(0)).toBe(0);
    expect(faultTimeSec(0.30000000000000004)).toBeGreaterThanOrEqual(0.30000000000000004);
  });
});

describe('runner', () => {
  it('advances simulated time at speed × wall time and posts batches, not rows one by one', () => {
    const { host, runFor, batches } = fakeHost();
    const runner = createRunner(host);
    runner.handle({ type: 'load', runId: 1, doc: ACTIVE_ACTIVE.document, playing: true, speed: 10 });
    runFor(2000);
    const last = batches().at(-1);
    expect(last?.nowSec).toBeGreaterThan(19);
    expect(last?.nowSec).toBeLessThanOrEqual(20.01);
    // About 15 batches a wall second.
    expect(batches().length).toBeGreaterThan(20);
    expect(batches().length).toBeLessThan(40);
    expect(batches().every((b) => b.runId === 1)).toBe(true);
  });

  it('keeps pacing after a stretch at max speed', () => {
    const { host, runFor, batches } = fakeHost(1);
    const runner = createRunner(host);
    runner.handle({ type: 'load', runId: 1, doc: ACTIVE_ACTIVE.document, playing: true, speed: 1 });
    runFor(500);
    runner.handle({ type: 'speed', speed: 'max' });
    runFor(40);
    runner.handle({ type: 'speed', speed: 10 });
    runFor(100);
    const switchedAt = batches().at(-1)?.nowSec ?? 0;
    expect(switchedAt).toBeGreaterThan(5);
    runFor(1000);
    const advanced = (batches().at(-1)?.nowSec ?? 0) - switchedAt;
    expect(advanced).toBeGreaterThan(8);
    expect(advanced).toBeLessThan(12);
  });

  it('stops time on pause and schedules faults at the current time rounded up to a millisecond', () => {
    const { host, runFor, posted, batches } = fakeHost();
    const runner = createRunner(host);
    runner.handle({ type: 'load', runId: 7, doc: ACTIVE_ACTIVE.document, playing: true, speed: 1 });
    runFor(1234);
    runner.handle({ type: 'pause' });
    const pausedAt = batches().at(-1)?.nowSec ?? 0;
    runFor(5000);
    expect(batches().at(-1)?.nowSec).toBe(pausedAt);
    runner.handle({ type: 'fault', action: 'fail', target: 'Server1' });
    const scheduled = posted.find((m) => m.type === 'scheduled');
    expect(scheduled).toEqual({
      type: 'scheduled',
      runId: 7,
      step: { atSec: faultTimeSec(pausedAt), action: 'fail', target: 'Server1' },
    });
  });

  it('gives the same rows when a live fault is replayed from the scenario (Reset)', () => {
    const live = fakeHost();
    const runner = createRunner(live.host);
    runner.handle({ type: 'load', runId: 1, doc: ACTIVE_ACTIVE.document, playing: true, speed: 10 });
    live.runFor(3000);
    runner.handle({ type: 'fault', action: 'fail', target: 'Server1' });
    const scheduled = live.posted.find((m) => m.type === 'scheduled');
    if (scheduled?.type !== 'scheduled') throw new Error('fault not scheduled');
    runner.handle({ type: 'speed', speed: 'max' });
    live.runFor(60_000);
    expect(live.batches().at(-1)?.done).toBe(true);

    const replay = fakeHost();
    const doc = { ...ACTIVE_ACTIVE.document, scenario: [scheduled.step] };
    createRunner(replay.host).handle({ type: 'load', runId: 2, doc, playing: true, speed: 'max' });
    replay.runFor(60_000);
    expect(rowsOf(replay.batches())).toEqual(rowsOf(live.batches()));
    expect(replay.batches().flatMap((b) => b.events)).toEqual(live.batches().flatMap((b) => b.events));
  });

  it('answers the watchdog ping at once, stamped with the current run, while it runs at max', () => {
    const { host, posted, runFor } = fakeHost(0.01);
    const runner = createRunner(host);
    runner.handle({ type: 'load', runId: 3, doc: ACTIVE_ACTIVE.document, playing: true, speed: 'max' });
    runFor(5);
    const before = posted.length;
    runner.handle({ type: 'ping' });
    expect(posted.slice(before)).toEqual([{ type: 'pong', runId: 3 }]);
  });
});
