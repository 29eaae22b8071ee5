import { RandomStream } from '../src/sim/random';

/** The seed topology's parameters as the benchmark runs it (bench/engine.bench.ts, seedTopology). */
export interface SeedModel {
  readonly ratePerSec: number;
  readonly durationSec: number;
  readonly serverWorkers: number;
  readonly serverMeanMs: number;
  readonly serverQueue: number;
  readonly dbWorkers: number;
  readonly dbMeanMs: number;
  readonly dbQueue: number;
  readonly timeoutMs: number;
  readonly hcIntervalMs: number;
  readonly hcUnhealthy: number;
  readonly hcHealthy: number;
  /** Server 1 crashes at this time and recovers at `recoverAtMs`. */
  readonly failAtMs: number;
  readonly recoverAtMs: number;
}

const ARRIVAL = 0;
const SERVER_DONE = 1;
const DB_DONE = 2;
const PROBE = 3;
const FAIL = 4;
const RECOVER = 5;

/**
 * A deliberately tight, single-purpose simulator of the seed topology (client → round-robin load balancer
 * with health checks → two servers of `serverWorkers` workers and a bounded queue → a shared database),
 * with server 1 crashing and recovering: the ceiling the general engine is measured against on this
 * shape, as runTightMm1 is on M/M/1. Events in a typed-array binary heap, requests in typed arrays, FIFO
 * queues as rings; a crash resets what the server holds (stale events are recognised by generation).
 * The client timeout is checked when the answer arrives (at these loads no request comes near it).
 */
export function runTightSeed(
  model: SeedModel,
  seed: number,
): { requests: number; ok: number; failed: number; meanResponse: number } {
  const rng = new RandomStream(seed, 'tight-seed');
  // Event heap: time, kind, argument, generation.
  let capacity = 1 << 12;
  let times = new Float64Array(capacity);
  let kinds = new Int32Array(capacity);
  let args = new Int32Array(capacity);
  let gens = new Int32Array(capacity);
  let size = 0;
  const push = (time: number, kind: number, arg: number, gen: number) => {
    if (size === capacity) {
      capacity *= 2;
      const t = new Float64Array(capacity);
      t.set(times);
      times = t;
      const k = new Int32Array(capacity);
      k.set(kinds);
      kinds = k;
      const a = new Int32Array(capacity);
      a.set(args);
      args = a;
      const g = new Int32Array(capacity);
      g.set(gens);
      gens = g;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((times[parent] as number) <= time) break;
      times[i] = times[parent] as number;
      kinds[i] = kinds[parent] as number;
      args[i] = args[parent] as number;
      gens[i] = gens[parent] as number;
      i = parent;
    }
    times[i] = time;
    kinds[i] = kind;
    args[i] = arg;
    gens[i] = gen;
  };
  // Requests: a fixed pool of slots recycled through a free list, with a generation per slot.
  const slots = 1 << 16;
  const start = new Float64Array(slots);
  const server = new Int32Array(slots);
  const gen = new Int32Array(slots);
  const free = new Int32Array(slots);
  const inUse = new Uint8Array(slots);
  for (let i = 0; i < slots; i++) free[i] = slots - 1 - i;
  let freeCount = slots;
  // Per server: busy workers, a FIFO of waiting requests, down (crashed), healthy (as the LB sees it).
  const busy = new Int32Array(2);
  const queueMask = 255;
  const waiting = [new Int32Array(queueMask + 1), new Int32Array(queueMask + 1)] as const;
  const head = new Int32Array(2);
  const length = new Int32Array(2);
  const down = new Uint8Array(2);
  const healthy = new Uint8Array([1, 1]);
  const okStreak = new Int32Array(2);
  const failStreak = new Int32Array(2);
  let dbBusy = 0;
  const dbWaiting = new Int32Array(1 << 11);
  const dbWaitingGen = new Int32Array(1 << 11);
  const dbMask = dbWaiting.length - 1;
  let dbHead = 0;
  let dbLength = 0;
  let nextServer = 0;

  const perMs = model.ratePerSec / 1000;
  const endMs = model.durationSec * 1000;
  let requests = 0;
  let ok = 0;
  let failed = 0;
  // Doubles that closures update live in a typed array: a captured mutable number would be boxed.
  const sum = new Float64Array(1);
  const finish = (r: number, now: number, success: boolean) => {
    const latency = now - (start[r] as number);
    if (success && latency <= model.timeoutMs) {
      ok++;
      sum[0] = (sum[0] as number) + latency;
    } else failed++;
    gen[r] = (gen[r] as number) + 1;
    inUse[r] = 0;
    free[freeCount++] = r;
  };
  const startServer = (s: number, r: number, now: number) => {
    busy[s] = (busy[s] as number) + 1;
    push(now - model.serverMeanMs * Math.log(rng.nextOpenZero()), SERVER_DONE, r, gen[r] as number);
  };
  const startDb = (r: number, g: number, now: number) => {
    dbBusy++;
    push(now - model.dbMeanMs * Math.log(rng.nextOpenZero()), DB_DONE, r, g);
  };
  /** A server worker is free again: the next waiting request takes it. */
  const release = (s: number, now: number) => {
    busy[s] = (busy[s] as number) - 1;
    if ((length[s] as number) > 0) {
      const ring = waiting[s as 0 | 1];
      const r = ring[head[s] as number] as number;
      head[s] = ((head[s] as number) + 1) & queueMask;
      length[s] = (length[s] as number) - 1;
      startServer(s, r, now);
    }
  };

  push(-Math.log(rng.nextOpenZero()) / perMs, ARRIVAL, 0, 0);
  for (let s = 0; s < 2; s++) push(model.hcIntervalMs, PROBE, s, 0);
  push(model.failAtMs, FAIL, 0, 0);
  push(model.recoverAtMs, RECOVER, 0, 0);
  while (size > 0 && (times[0] as number) <= endMs) {
    // Pop the earliest event into locals, then sift the last one down from the root.
    const now = times[0] as number;
    const popKind = kinds[0] as number;
    const popArg = args[0] as number;
    const popGen = gens[0] as number;
    const n = --size;
    const lastTime = times[n] as number;
    const lastKind = kinds[n] as number;
    const lastArg = args[n] as number;
    const lastGen = gens[n] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (times[child + 1] as number) < (times[child] as number)) child++;
      if ((times[child] as number) >= lastTime) break;
      times[i] = times[child] as number;
      kinds[i] = kinds[child] as number;
      args[i] = args[child] as number;
      gens[i] = gens[child] as number;
      i = child;
    }
    times[i] = lastTime;
    kinds[i] = lastKind;
    args[i] = lastArg;
    gens[i] = lastGen;
    switch (popKind) {
      case ARRIVAL: {
        push(now - Math.log(rng.nextOpenZero()) / perMs, ARRIVAL, 0, 0);
        requests++;
        const r = free[--freeCount] as number;
        inUse[r] = 1;
        start[r] = now;
        // Round-robin over the servers the load balancer considers healthy.
        let s = -1;
        for (let k = 0; k < 2 && s < 0; k++) {
          const candidate = (nextServer + k) & 1;
          if (healthy[candidate]) {
            s = candidate;
            nextServer = (candidate + 1) & 1;
          }
        }
        if (s < 0 || down[s]) {
          finish(r, now, false); // no healthy target (503), or connection refused
          break;
        }
        server[r] = s;
        if ((busy[s] as number) < model.serverWorkers) startServer(s, r, now);
        else if ((length[s] as number) < model.serverQueue) {
          const ring = waiting[s as 0 | 1];
          ring[((head[s] as number) + (length[s] as number)) & queueMask] = r;
          length[s] = (length[s] as number) + 1;
        } else finish(r, now, false);
        break;
      }
      case SERVER_DONE: {
        // Still holding its worker, the server calls the database.
        if (gen[popArg] !== popGen) break;
        if (dbBusy < model.dbWorkers) startDb(popArg, popGen, now);
        else if (dbLength < model.dbQueue) {
          dbWaiting[(dbHead + dbLength) & dbMask] = popArg;
          dbWaitingGen[(dbHead + dbLength++) & dbMask] = popGen;
        } else {
          release(server[popArg] as number, now);
          finish(popArg, now, false);
        }
        break;
      }
      case DB_DONE: {
        dbBusy--;
        if (dbLength > 0) {
          startDb(dbWaiting[dbHead] as number, dbWaitingGen[dbHead] as number, now);
          dbHead = (dbHead + 1) & dbMask;
          dbLength--;
        }
        if (gen[popArg] !== popGen) break; // its server crashed meanwhile
        release(server[popArg] as number, now);
        finish(popArg, now, true);
        break;
      }
      case PROBE: {
        const s = popArg;
        push(now + model.hcIntervalMs, PROBE, s, 0);
        if (down[s]) {
          okStreak[s] = 0;
          failStreak[s] = (failStreak[s] as number) + 1;
          if ((failStreak[s] as number) >= model.hcUnhealthy) healthy[s] = 0;
        } else {
          failStreak[s] = 0;
          okStreak[s] = (okStreak[s] as number) + 1;
          if ((okStreak[s] as number) >= model.hcHealthy) healthy[s] = 1;
        }
        break;
      }
      case FAIL: {
        // A crash: everything server 1 holds is answered "refused" at once.
        down[0] = 1;
        for (let r = 0; r < slots; r++) if (inUse[r] && server[r] === 0) finish(r, now, false);
        busy[0] = 0;
        length[0] = 0;
        break;
      }
      case RECOVER:
        down[0] = 0;
        break;
    }
  }
  return { requests, ok, failed, meanResponse: (sum[0] as number) / ok };
}
