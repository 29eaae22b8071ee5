/**
 * `npm run bench`: how fast the engine simulates, and whether its memory stays flat over simulated time.
 * Timings on shared machines move by ±30% between sessions, so the comparisons (simjs, and a tight
 * single-purpose loop of each model) run in the same process and are reported as ratios. Speeds are
 * per second of this process's CPU time, not wall time: on a machine shared with other work, waiting for
 * a core would otherwise count as slowness.
 */
import { DEFAULT_EDGE } from '../src/model/defaults';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type { ArchDocument } from '../src/model/types';
import { createSimulation } from '../src/sim/engine';
import type { SecondRow } from '../src/sim/results';
import { benchKeyedCaches, keyedCacheRss } from './keyed-cache';
import { runSimjsMm1 } from './simjs-mm1';
import { runFloorMm1 } from './floor-mm1';
import { runTightMm1 } from './tight-mm1';
import { runTightSeed, type SeedModel } from './tight-seed';

const SLICE_EVENTS = 20_000;

function mm1(rho: number, requests: number): ArchDocument {
  const ratePerSec = rho * 1000;
  return {
    name: 'M/M/1',
    direction: 'LR',
    nodes: [
      {
        id: 'Client',
        label: 'Client',
        kind: 'client',
        params: { ratePerSec, arrival: 'poisson', timeoutMs: Infinity, retries: 0 },
      },
      {
        id: 'Service',
        label: 'Service',
        kind: 'service',
        params: { workers: 1, service: { type: 'exp', meanMs: 1 }, queueCapacity: Infinity },
      },
    ],
    edges: [{ id: 'Client-->Service', source: 'Client', target: 'Service', params: DEFAULT_EDGE }],
    groups: [],
    scenario: [],
    sim: { seed: 1, durationSec: Math.ceil(requests / ratePerSec), warmupSec: 0 },
  };
}

/** The seed topology with its health checks and client timeouts, made larger by running longer. */
function seedTopology(durationSec: number, ratePerSec = 400): ArchDocument {
  const doc = ACTIVE_ACTIVE.document;
  return {
    ...doc,
    nodes: doc.nodes.map((node) =>
      node.kind === 'client'
        ? { ...node, params: { ...node.params, ratePerSec } }
        : node.kind === 'service'
          ? {
              ...node,
              params: {
                ...node.params,
                workers: Math.max(node.params.workers, Math.ceil((ratePerSec / 400) * 8)),
              },
            }
          : node,
    ),
    scenario: [
      { atSec: 60, action: 'fail', target: 'Server1' },
      { atSec: 120, action: 'recover', target: 'Server1' },
    ],
    sim: { ...doc.sim, durationSec },
  };
}

/** CPU seconds this process has used (user and system, every thread). */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** Runs a document to the end in worker-sized slices; returns requests per CPU second. */
function measure(
  doc: ArchDocument,
  keepRows?: SecondRow[],
): { requests: number; seconds: number; rate: number; meanMs: number } {
  const started = cpuSeconds();
  const sim = createSimulation(doc);
  while (!sim.done) {
    sim.advance(sim.durationSec, SLICE_EVENTS);
    const rows = sim.takeRows();
    if (keepRows) for (const row of rows) keepRows.push(row);
  }
  const seconds = cpuSeconds() - started;
  const totals = sim.totals();
  return {
    requests: totals.requests,
    seconds,
    rate: totals.requests / seconds,
    meanMs: totals.latencyMs.mean,
  };
}

/** The seed topology of {@link seedTopology} as the tight loop's parameters. */
function seedModel(durationSec: number): SeedModel {
  const doc = seedTopology(durationSec);
  const server = doc.nodes.find((node) => node.id === 'Server1');
  const db = doc.nodes.find((node) => node.id === 'DB');
  const client = doc.nodes.find((node) => node.kind === 'client');
  const lb = doc.nodes.find((node) => node.kind === 'lb');
  if (server?.kind !== 'service' || db?.kind !== 'database' || client?.kind !== 'client' || lb?.kind !== 'lb')
    throw new Error('the seed topology changed: update seedModel');
  const meanOf = (d: { type: string; meanMs?: number }) => {
    if (d.type !== 'exp' || d.meanMs === undefined) throw new Error('seedModel expects exponential service');
    return d.meanMs;
  };
  return {
    ratePerSec: client.params.ratePerSec,
    durationSec,
    serverWorkers: server.params.workers,
    serverMeanMs: meanOf(server.params.service),
    serverQueue: server.params.queueCapacity,
    dbWorkers: db.params.workers,
    dbMeanMs: meanOf(db.params.service),
    dbQueue: db.params.queueCapacity,
    timeoutMs: client.params.timeoutMs,
    hcIntervalMs: lb.params.hcIntervalMs,
    hcUnhealthy: lb.params.hcUnhealthy,
    hcHealthy: lb.params.hcHealthy,
    failAtMs: 60_000,
    recoverAtMs: 120_000,
  };
}

/** Requests per CPU second of `run`, which returns how many requests it simulated. */
function rateOf(run: () => number): number {
  const started = cpuSeconds();
  const requests = run();
  return requests / (cpuSeconds() - started);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const millions = (n: number) => `${(n / 1e6).toFixed(2)} M`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function gcHeapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().heapUsed;
}

const REPEATS = 3;
// `npm run bench -- --keyed-cache`: only the keyed-cache figures (bench/keyed-cache.ts).
const rssCase = process.argv.indexOf('--keyed-cache-rss');
if (rssCase >= 0) {
  keyedCacheRss(Number(process.argv[rssCase + 1]));
  process.exit(0);
}
if (process.argv.includes('--keyed-cache')) {
  benchKeyedCaches(REPEATS);
  process.exit(0);
}
const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
console.log(
  'archplay engine benchmark (Node',
  process.version + '; speeds per CPU second of this process)\n',
);

// Warm up the JIT on a short run of each shape first, as a worker in a long session would be.
measure(mm1(0.8, 200_000));
measure(seedTopology(120));
runTightMm1(0.8, 200_000, 1);
runFloorMm1(0.8, 200_000, 1);
runTightSeed(seedModel(120), 1);

// Each engine run is paired with a run of its tight loop, so both see the same machine.
const mm1Runs: number[] = [];
const tightRuns: number[] = [];
const floorRuns: number[] = [];
for (let i = 0; i < REPEATS; i++) {
  mm1Runs.push(measure(mm1(0.8, 2_000_000)).rate);
  tightRuns.push(rateOf(() => runTightMm1(0.8, 2_000_000, 1).requests));
  floorRuns.push(rateOf(() => runFloorMm1(0.8, 2_000_000, 1).requests));
}
console.log(
  `M/M/1, ρ = 0.8, 2 M requests:        ${millions(median(mm1Runs))} simulated requests/s (median of ${REPEATS}; runs ${mm1Runs.map(millions).join(', ')})`,
);
console.log(
  `tight single-purpose M/M/1 loop:       ${millions(median(tightRuns))} requests/s; archplay runs at ${ratio(median(mm1Runs), median(tightRuns))} of it`,
);
console.log(
  `floor of an engine of archplay's shape (event list, records, histograms; bench/floor-mm1.ts): ${millions(median(floorRuns))} requests/s, ${ratio(median(floorRuns), median(tightRuns))} of the tight loop`,
);

const seedRuns: ReturnType<typeof measure>[] = [];
const tightSeedRuns: number[] = [];
let tightSeed: ReturnType<typeof runTightSeed> | undefined;
for (let i = 0; i < REPEATS; i++) {
  seedRuns.push(measure(seedTopology(3000)));
  tightSeedRuns.push(
    rateOf(() => {
      tightSeed = runTightSeed(seedModel(3000), 1);
      return tightSeed.requests;
    }),
  );
}
const seedRates = seedRuns.map((run) => run.rate);
console.log(
  `seed topology (LB, 2 servers, DB, health checks, timeouts, fail/recover), 1.2 M requests: ${millions(median(seedRates))} requests/s (runs ${seedRates.map(millions).join(', ')})`,
);
console.log(
  `tight single-purpose loop of the seed topology: ${millions(median(tightSeedRuns))} requests/s; archplay runs at ${ratio(median(seedRates), median(tightSeedRuns))} of it (mean response ${seedRuns[0]?.meanMs.toFixed(2)} ms, tight loop ${tightSeed?.meanResponse.toFixed(2)} ms)`,
);

/**
 * The seed topology with its database split into two multi-primary peers (Server 2 writes to the second),
 * replicating asynchronously, with the link cut for a minute: what the peer bookkeeping costs.
 */
function peerTopology(durationSec: number): ArchDocument {
  const doc = seedTopology(durationSec);
  const db = doc.nodes.find((node) => node.id === 'DB');
  if (!db) throw new Error('the seed topology has a DB');
  return {
    ...doc,
    nodes: [...doc.nodes, { ...db, id: 'DB2', label: 'Database 2' }],
    edges: [
      ...doc.edges.map((edge) =>
        edge.id === 'Server2-->DB' ? { ...edge, id: 'Server2-->DB2', target: 'DB2' } : edge,
      ),
      { id: 'DB-->DB2', source: 'DB', target: 'DB2', bidirectional: true, params: DEFAULT_EDGE },
    ],
    scenario: [
      ...doc.scenario,
      { atSec: 200, action: 'partition', target: 'DB-->DB2' },
      { atSec: 260, action: 'recover', target: 'DB-->DB2' },
    ],
  };
}

measure(peerTopology(120));
const peerRuns = Array.from({ length: REPEATS }, () => measure(peerTopology(3000)).rate);
console.log(
  `same with two multi-primary DB peers (async, a 60 s partition), 1.2 M requests: ${millions(median(peerRuns))} requests/s (${((median(peerRuns) / median(seedRates)) * 100).toFixed(0)}% of the seed topology)`,
);

const simjsStart = cpuSeconds();
const simjs = runSimjsMm1(0.8, 1_000_000, 1);
const simjsRate = simjs.requests / (cpuSeconds() - simjsStart);
console.log(
  `simjs 2.0.3, same M/M/1, 1 M requests: ${millions(simjsRate)} requests/s (mean response ${simjs.meanResponse.toFixed(3)}, theory 5.000)`,
);
console.log(`archplay / simjs:                      ${(median(mm1Runs) / simjsRate).toFixed(1)}×\n`);

// Memory: a 1-hour run at 1,000 req/s. Without the per-second rows the heap must stay flat over
// simulated time (the engine recycles its request records); with them it grows by the rows alone.
function hourRun(keepRows: boolean): { samples: string[]; rows: SecondRow[] } {
  const sim = createSimulation(seedTopology(3600, 1000));
  const rows: SecondRow[] = [];
  const samples: string[] = [];
  const base = gcHeapUsed();
  for (const checkpoint of [600, 1800, 3600]) {
    while (sim.nowSec < checkpoint) {
      sim.advance(checkpoint, SLICE_EVENTS);
      const fresh = sim.takeRows();
      if (keepRows) for (const row of fresh) rows.push(row);
    }
    samples.push(`${checkpoint / 60} min: +${mib(gcHeapUsed() - base)}`);
  }
  return { samples, rows };
}
const withoutRows = hourRun(false);
console.log(
  `1 simulated hour at 1,000 req/s (3.6 M requests), rows dropped: heap ${withoutRows.samples.join(', ')}`,
);
const withRows = hourRun(true);
const rowsJson = Buffer.byteLength(JSON.stringify(withRows.rows));
console.log(
  `same, keeping all ${withRows.rows.length} per-second rows: heap ${withRows.samples.join(', ')} (rows are ${mib(rowsJson)} as JSON)`,
);
console.log(`peak resident memory of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);

benchKeyedCaches(REPEATS);
