import { EventQueue } from '../src/sim/event-queue';
import { HistogramSet } from '../src/sim/histogram';
import { RandomStream } from '../src/sim/random';

const RING = 1 << 16;
const SLICE_EVENTS = 20_000;
const SERVICE_DONE = 1;

/**
 * The floor of an engine shaped like archplay's, on M/M/1: what such an engine does per request at the
 * least, and nothing else. Service completions go through the real event list (src/sim/event-queue.ts),
 * the next arrival waits beside it (as in src/sim/arrival-clock.ts), a request is a record taken from a
 * free list, waiting requests sit in a ring, and each answer is recorded in two histograms (the node's and
 * the client's, src/sim/histogram.ts) merged into the run's every simulated second. No topology, no
 * faults, no counters, no hops. `npm run bench` prints its ratio to the tight loop beside the engine's:
 * the engine cannot do better than this floor, so the two ratios say how much of the gap to the tight
 * loop is the shape of the engine and how much is its features (docs/ENGINE-NOTES.md).
 */
class FloorMm1 {
  private readonly events = new EventQueue();
  private readonly arrivalRng: RandomStream;
  private readonly serviceRng: RandomStream;
  private readonly second = new HistogramSet(2);
  private readonly run = new HistogramSet(2);
  private readonly start = new Float64Array(RING);
  private readonly gen = new Int32Array(RING);
  private readonly free = new Int32Array(RING);
  private readonly waiting = new Int32Array(RING);
  private freeCount = 0;
  private used = 0;
  private head = 0;
  private waitLength = 0;
  private busy = 0;
  private arrived = 0;
  private nextArrivalMs: number;
  private nextSecondMs = 1000;
  done = 0;

  constructor(
    private readonly perMs: number,
    private readonly requests: number,
    seed: number,
  ) {
    this.arrivalRng = new RandomStream(seed, 'floor-arrival');
    this.serviceRng = new RandomStream(seed, 'floor-service');
    this.nextArrivalMs = -Math.log(this.arrivalRng.nextOpenZero()) / perMs;
  }

  /** One slice of events, a function of its own as the engine's runEvents is. */
  runEvents(): number {
    const events = this.events;
    let processed = 0;
    while (processed < SLICE_EVENTS && (events.size > 0 || this.nextArrivalMs !== Infinity)) {
      processed++;
      if (this.nextArrivalMs <= events.peekTime()) {
        const now = this.nextArrivalMs;
        if (now >= this.nextSecondMs) this.closeSecondsUntil(now);
        this.arrive(now);
        continue;
      }
      events.pop();
      const now = events.poppedTime;
      if (now >= this.nextSecondMs) this.closeSecondsUntil(now);
      if (this.gen[events.poppedArg] === events.poppedArg2) this.depart(events.poppedArg, now);
    }
    return processed;
  }

  meanResponse(): number {
    return this.run.meanWith(this.second, 1);
  }

  private arrive(now: number): void {
    this.nextArrivalMs =
      ++this.arrived < this.requests ? now - Math.log(this.arrivalRng.nextOpenZero()) / this.perMs : Infinity;
    const call = this.freeCount > 0 ? (this.free[--this.freeCount] as number) : this.used++;
    this.start[call] = now;
    if (this.busy === 0) this.serve(call, now);
    else this.waiting[(this.head + this.waitLength++) & (RING - 1)] = call;
  }

  private depart(call: number, now: number): void {
    const latency = now - (this.start[call] as number);
    this.second.record(0, latency);
    this.second.record(1, latency);
    this.gen[call] = ((this.gen[call] as number) + 1) | 0;
    this.free[this.freeCount++] = call;
    this.done++;
    this.busy--;
    if (this.waitLength > 0) {
      const next = this.waiting[this.head] as number;
      this.head = (this.head + 1) & (RING - 1);
      this.waitLength--;
      this.serve(next, now);
    }
  }

  private serve(call: number, now: number): void {
    this.busy++;
    this.events.push(
      now - Math.log(this.serviceRng.nextOpenZero()),
      SERVICE_DONE,
      call,
      this.gen[call] as number,
    );
  }

  private closeSecondsUntil(timeMs: number): void {
    while (this.nextSecondMs <= timeMs) {
      for (let h = 0; h < 2; h++) {
        this.run.addFrom(this.second, h);
        this.second.clear(h);
      }
      this.nextSecondMs += 1000;
    }
  }
}

/** M/M/1 with mean service 1 ms and load `rho`, `requests` long, on the floor engine above. */
export function runFloorMm1(
  rho: number,
  requests: number,
  seed: number,
): { requests: number; meanResponse: number } {
  const floor = new FloorMm1(rho, requests, seed);
  while (floor.runEvents() > 0);
  return { requests: floor.done, meanResponse: floor.meanResponse() };
}
