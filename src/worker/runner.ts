import type { ArchDocument, ScenarioStep } from '../model/types';
import type { Simulation } from '../sim/simulation';
import type { FaultRequest, FromWorker, Speed, ToWorker } from './protocol';
import { packRows } from './row-packing';

/** What the runner needs from its host; the worker passes the real clock and timers, tests fakes. */
export interface RunnerHost {
  create(doc: ArchDocument): Simulation;
  /** Posts a message; `transfer` lists buffers handed over with it rather than copied. */
  post(message: FromWorker, transfer?: readonly ArrayBuffer[]): void;
  /** Wall time in milliseconds. */
  now(): number;
  /** Runs `task` after `ms` milliseconds of wall time. */
  later(task: () => void, ms: number): void;
  /** Runs `task` as soon as pending messages have been handled. */
  soon(task: () => void): void;
}

/** Wall time spent simulating per slice before yielding to incoming messages. */
const SLICE_MS = 12;
/** Events per `advance` call, so a slice can check the wall clock often. */
const CHUNK_EVENTS = 5_000;
/** Wall time between batches: about 15 a second (DESIGN.md §9 asks for 10–30). */
const BATCH_MS = 66;
/**
 * At speed Max, one batch a wall second, each a whole update of the page: the clock, totals, canvas and
 * charts all show the same moment (README "Speed"). The charts cost tens of milliseconds to redraw, so
 * at Max they redraw with each batch, instead of batches coming ten times a second and the charts
 * following up to a second behind, a thousand simulated seconds away from the clock above them.
 */
const MAX_SPEED_BATCH_MS = 1000;
/** Timer period at paced speeds. */
const TICK_MS = 16;
/** A longer wall-time gap (a throttled tab) is not made up for. */
const MAX_GAP_MS = 250;

/** The simulated time of a fault requested now: the current time rounded up to a whole millisecond. */
export function faultTimeSec(nowSec: number): number {
  const atSec = Math.ceil(nowSec * 1000) / 1000;
  return atSec < nowSec ? atSec + 0.001 : atSec;
}

/**
 * Drives one simulation in slices against the wall clock: at speed n, simulated time advances n times
 * as fast as wall time; at "max", as fast as the engine goes. Batches of results are posted a few times
 * a second, never per request.
 */
export function createRunner(host: RunnerHost) {
  let sim: Simulation | null = null;
  let runId = 0;
  let playing = false;
  let speed: Speed = 1;
  let targetSec = 0;
  let lastWall = 0;
  let lastPost = 0;
  let ticking = false;

  function post(): void {
    if (!sim) return;
    lastPost = host.now();
    const rows = packRows(sim.takeRows());
    host.post(
      {
        type: 'batch',
        runId,
        nowSec: sim.nowSec,
        done: sim.done,
        playing,
        rows,
        events: sim.takeEvents(),
        live: sim.live(),
        totals: sim.totals(),
        ...(sim.stopped === undefined ? {} : { stopped: sim.stopped }),
      },
      rows.map((run) => run.data.buffer),
    );
  }

  function start(): void {
    lastWall = host.now();
    if (sim) targetSec = sim.nowSec;
    if (!ticking) {
      ticking = true;
      host.soon(tick);
    }
  }

  function slice(current: Simulation): void {
    const began = host.now();
    if (speed === 'max') {
      while (!current.done && host.now() - began < SLICE_MS)
        current.advance(current.durationSec, CHUNK_EVENTS);
      return;
    }
    // After a stretch at "max", the target starts again from where the run is.
    const from = Math.max(targetSec, current.nowSec);
    targetSec = Math.min(current.durationSec, from + (speed * Math.min(began - lastWall, MAX_GAP_MS)) / 1000);
    lastWall = began;
    // An advance that processes fewer than CHUNK_EVENTS events has reached targetSec.
    let behind = current.advance(targetSec, CHUNK_EVENTS) === CHUNK_EVENTS;
    while (behind && !current.done && host.now() - began < SLICE_MS)
      behind = current.advance(targetSec, CHUNK_EVENTS) === CHUNK_EVENTS;
    // The engine could not keep up: slow simulated time down rather than build a backlog.
    if (behind) targetSec = current.nowSec;
  }

  function tick(): void {
    if (!sim || !playing) {
      ticking = false;
      return;
    }
    slice(sim);
    if (sim.done) playing = false;
    const batchMs = speed === 'max' ? MAX_SPEED_BATCH_MS : BATCH_MS;
    if (!playing || host.now() - lastPost >= batchMs) post();
    if (!playing) {
      ticking = false;
      return;
    }
    if (speed === 'max') host.soon(tick);
    else host.later(tick, TICK_MS);
  }

  function fault(request: FaultRequest): void {
    if (!sim) return;
    const step: ScenarioStep = { ...request, atSec: faultTimeSec(sim.nowSec) };
    if (sim.done || step.atSec >= sim.durationSec) {
      host.post({ type: 'error', runId, message: 'The run has ended: press Reset to run again.' });
      return;
    }
    sim.schedule(step);
    host.post({ type: 'scheduled', runId, step });
  }

  function load(message: Extract<ToWorker, { type: 'load' }>): void {
    runId = message.runId;
    speed = message.speed;
    try {
      sim = host.create(message.doc);
    } catch (error) {
      sim = null;
      playing = false;
      host.post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    playing = message.playing;
    post();
    if (playing) start();
  }

  return {
    handle(message: ToWorker): void {
      switch (message.type) {
        case 'load':
          return load(message);
        case 'play':
          if (!sim || sim.done) return;
          playing = true;
          return start();
        case 'pause':
          playing = false;
          return post();
        case 'speed':
          speed = message.speed;
          lastWall = host.now();
          return;
        case 'fault': {
          const { type: _type, ...request } = message;
          return fault(request);
        }
        case 'ping':
          return host.post({ type: 'pong', runId });
      }
    },
  };
}
