import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LB } from '../src/model/defaults';
import { ACTIVE_ACTIVE } from '../src/model/presets';
import type {
  ArchDocument,
  Distribution,
  EdgeSpec,
  EvictionPolicy,
  KeySpace,
  LimitSpec,
  LoadLatency,
  NodeSpec,
  QueueOrder,
  ScenarioStep,
} from '../src/model/types';
import { parseMermaid } from '../src/mermaid';
import { GALLERY } from '../src/model/preset-gallery';
import { CallState, CheckedCallPool, isAllowedTransition } from '../src/sim/call-pool';
import { createSimulation } from '../src/sim/engine';
import type { SecondRow } from '../src/sim/results';
import { retriesAndTimeouts } from './support/documents';
import { runAll } from './support/run';

const latency: fc.Arbitrary<Distribution> = fc.oneof(
  fc.constant<Distribution>({ type: 'const', valueMs: 0 }),
  fc.double({ min: 0.1, max: 20, noNaN: true }).map((valueMs): Distribution => ({ type: 'const', valueMs })),
  fc.double({ min: 0.1, max: 20, noNaN: true }).map((meanMs): Distribution => ({ type: 'exp', meanMs })),
);

/** The metastable-failure models (README "Keyed caches" … "Goodput and wasted work"), each optional. */
const overloadModels = fc.record({
  keys: fc.oneof(
    fc.constant<KeySpace | undefined>(undefined),
    fc.integer({ min: 1, max: 60 }).map((n): KeySpace => ({ type: 'uniform', n })),
    fc
      .record({ n: fc.integer({ min: 1, max: 5000 }), s: fc.double({ min: 0.2, max: 2, noNaN: true }) })
      .map(({ n, s }): KeySpace => ({ type: 'zipf', n, s })),
  ),
  closed: fc.option(
    fc.record({ users: fc.integer({ min: 1, max: 80 }), thinkMs: fc.integer({ min: 1, max: 500 }) }),
  ),
  cache: fc.option(
    fc.record({
      ttlMs: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
      size: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      evict: fc.constantFrom<EvictionPolicy>('lru', 'fifo'),
      hitRatio: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    }),
  ),
  limiter: fc.option(
    fc.oneof(
      fc.integer({ min: 1, max: 300 }).map((perSec): LimitSpec => ({ type: 'rate', perSec })),
      fc.integer({ min: 1, max: 10 }).map((max): LimitSpec => ({ type: 'concurrency', max })),
    ),
  ),
  loadLatency: fc.option(
    fc.oneof(
      fc.double({ min: 0, max: 3, noNaN: true }).map((k): LoadLatency => ({ type: 'linear', k })),
      fc.double({ min: 0, max: 2, noNaN: true }).map((k): LoadLatency => ({ type: 'exp', k })),
      fc
        .record({ k: fc.double({ min: 0, max: 4, noNaN: true }), n: fc.integer({ min: 1, max: 4 }) })
        .map(({ k, n }): LoadLatency => ({ type: 'poly', k, n })),
    ),
    { nil: undefined },
  ),
  shed: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  maxWaitMs: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  queueOrder: fc.option(fc.constantFrom<QueueOrder>('fifo', 'lifo'), { nil: undefined }),
});

/**
 * Random small topologies: a client, optionally a limiter and a load balancer, one to three services and
 * optionally a database (behind a cache), with random latencies, capacities, timeouts, retries, the
 * overload models, and fail/recover/flush/capacity steps.
 */
const topology: fc.Arbitrary<ArchDocument> = fc
  .record({
    rate: fc.integer({ min: 1, max: 400 }),
    timeoutMs: fc.oneof(fc.constant(Infinity), fc.integer({ min: 5, max: 500 })),
    retries: fc.integer({ min: 0, max: 2 }),
    withLb: fc.boolean(),
    services: fc.integer({ min: 1, max: 3 }),
    withDb: fc.boolean(),
    // A second database as a multi-primary peer of the first (README "Active-active data").
    peers: fc.constantFrom<'none' | 'async' | 'sync'>('none', 'async', 'sync'),
    peerLagMs: fc.double({ min: 0, max: 200, noNaN: true }),
    workers: fc.integer({ min: 1, max: 4 }),
    queue: fc.oneof(fc.constant(Infinity), fc.integer({ min: 0, max: 20 })),
    serviceMs: fc.double({ min: 0.5, max: 30, noNaN: true }),
    hcIntervalMs: fc.integer({ min: 100, max: 3000 }),
    latencies: fc.array(latency, { minLength: 8, maxLength: 8 }),
    faults: fc.array(
      fc.record({
        atSec: fc.double({ min: 0, max: 20, noNaN: true }),
        action: fc.constantFrom('fail', 'recover', 'flush', 'workers'),
        pick: fc.nat(),
      }),
      { maxLength: 5 },
    ),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    models: overloadModels,
  })
  .map((r): ArchDocument => {
    const m = r.models;
    const services = Array.from({ length: r.services }, (_, i) => `S${i}`);
    const nodes: NodeSpec[] = [
      {
        id: 'C',
        label: 'Client',
        kind: 'client',
        params: {
          ratePerSec: r.rate,
          arrival: m.closed ? 'closed' : 'poisson',
          timeoutMs: r.timeoutMs,
          retries: r.retries,
          ...(m.keys ? { keys: m.keys } : {}),
          ...(m.closed ? { users: m.closed.users, think: { type: 'exp', meanMs: m.closed.thinkMs } } : {}),
        },
      },
      ...services.map((id): NodeSpec => ({
        id,
        label: id,
        kind: 'service',
        params: {
          workers: r.workers,
          queueCapacity: r.queue,
          service: { type: 'exp', meanMs: r.serviceMs },
          ...(m.loadLatency ? { loadLatency: m.loadLatency } : {}),
          ...(m.shed !== undefined ? { shed: m.shed } : {}),
          ...(m.maxWaitMs !== undefined ? { maxWaitMs: m.maxWaitMs } : {}),
          ...(m.queueOrder ? { queueOrder: m.queueOrder } : {}),
        },
      })),
    ];
    const pairs: [string, string][] = [];
    // The first hop: the client, or the limiter in front of everything.
    let entry = 'C';
    if (m.limiter) {
      nodes.push({ id: 'L', label: 'Limiter', kind: 'limiter', params: { limit: m.limiter } });
      pairs.push(['C', 'L']);
      entry = 'L';
    }
    if (r.withLb) {
      nodes.push({
        id: 'LB',
        label: 'LB',
        kind: 'lb',
        params: { ...DEFAULT_LB, hcIntervalMs: r.hcIntervalMs },
      });
      pairs.push([entry, 'LB'], ...services.map((s): [string, string] => ['LB', s]));
    } else {
      pairs.push(...services.map((s): [string, string] => [entry, s]));
    }
    if (r.withDb && m.cache) {
      const { ttlMs, size, evict, hitRatio } = m.cache;
      nodes.push({
        id: 'K',
        label: 'Cache',
        kind: 'cache',
        params: {
          workers: 4,
          queueCapacity: 50,
          service: { type: 'exp', meanMs: 0.2 },
          evict,
          ...(ttlMs !== undefined ? { ttlMs } : {}),
          ...(size !== undefined ? { size } : {}),
          ...(hitRatio !== undefined ? { hitRatio } : {}),
        },
      });
      pairs.push(...services.map((s): [string, string] => [s, 'K']));
    }
    if (r.withDb) {
      nodes.push({
        id: 'DB',
        label: 'DB',
        kind: 'database',
        params: { workers: 2, queueCapacity: 50, service: { type: 'exp', meanMs: 1 } },
      });
      const peered = r.peers !== 'none';
      if (peered)
        nodes.push({
          id: 'DB2',
          label: 'DB2',
          kind: 'database',
          params: { workers: 2, queueCapacity: 50, service: { type: 'exp', meanMs: 1 } },
        });
      if (m.cache) pairs.push(['K', 'DB'], ...(peered ? [['K', 'DB2'] as [string, string]] : []));
      else pairs.push(...services.map((s, i): [string, string] => [s, peered && i % 2 === 1 ? 'DB2' : 'DB']));
    }
    const edges = pairs.map(([source, target], i): EdgeSpec => ({
      id: `${source}-->${target}`,
      source,
      target,
      params: { latency: r.latencies[i % r.latencies.length]!, weight: 1, backup: false },
    }));
    if (r.withDb && r.peers !== 'none') {
      edges.push({
        id: 'DB-->DB2',
        source: 'DB',
        target: 'DB2',
        bidirectional: true,
        params: {
          latency: { type: 'const', valueMs: 0 },
          weight: 1,
          backup: false,
          replication: r.peers,
          lag: { type: 'exp', meanMs: r.peerLagMs },
        },
      });
    }
    // Targets: every node, and the replication link when there is one (a fail of an edge cuts it).
    const targets = [
      ...nodes.map((node) => node.id),
      ...edges.filter((e) => e.bidirectional).map((e) => e.id),
    ];
    const scenario = r.faults.map((f): ScenarioStep => {
      const target = targets[f.pick % targets.length]!;
      if (f.action === 'workers')
        return { atSec: f.atSec, action: 'degrade', target, workersShare: ((f.pick % 4) + 1) / 4 };
      return { atSec: f.atSec, action: f.action, target };
    });
    return {
      name: 'random',
      direction: 'LR',
      nodes,
      edges,
      groups: [],
      scenario,
      sim: { seed: r.seed, durationSec: 25, warmupSec: 0 },
    };
  });

describe('conservation of requests', () => {
  it('requests = ok + failed + in flight at every moment, and in flight counts the open requests', () => {
    fc.assert(
      fc.property(
        topology,
        fc.array(fc.double({ min: 0.01, max: 25, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (doc, stops) => {
          const sim = createSimulation(doc);
          const rows: SecondRow[] = [];
          for (const stop of [...stops].sort((a, b) => a - b)) {
            sim.advance(stop);
            rows.push(...sim.takeRows());
            const totals = sim.totals();
            expect(totals.requests).toBe(totals.ok + totals.failed + totals.inFlight);
            expect(totals.inFlight).toBeGreaterThanOrEqual(0);
            expect((sim as unknown as { countOpenRequests(): number }).countOpenRequests()).toBe(
              totals.inFlight,
            );
            // Every conflict settled loses exactly one acknowledged write; divergence is a count of keys.
            expect(totals.lostUpdates).toBe(totals.conflicts);
            expect(totals.divergentKeys ?? 0).toBeGreaterThanOrEqual(0);
          }
          // The per-second rows add up to the totals of the seconds they cover.
          const totals = sim.totals();
          const started = rows.reduce((sum, row) => sum + row.total.requests, 0);
          expect(started).toBeLessThanOrEqual(totals.requests);
          for (const row of rows) {
            for (const value of [
              row.total.p50,
              row.total.p95,
              row.total.p99,
              row.total.mean,
              row.total.errorRate,
            ]) {
              expect(Number.isFinite(value)).toBe(true);
            }
            // Every per-node figure too (hit ratio, wasted…): never NaN in a chart.
            for (const node of Object.values(row.nodes)) {
              for (const value of Object.values(node)) {
                if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 60, seed: 20261125 },
    );
  });
});

describe('determinism', () => {
  it('the same document and seed give identical rows, events and totals', () => {
    fc.assert(
      fc.property(topology, (doc) => {
        expect(runAll(doc, 3)).toEqual(runAll(doc, 11));
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('the seed scenario replays bit for bit, and another seed gives other numbers', () => {
    const doc: ArchDocument = {
      ...ACTIVE_ACTIVE.document,
      sim: { ...ACTIVE_ACTIVE.document.sim, durationSec: 90 },
      scenario: [
        { atSec: 30.001, action: 'fail', target: 'Server1' },
        { atSec: 60, action: 'recover', target: 'Server1' },
      ],
    };
    const first = runAll(doc);
    expect(runAll(doc)).toEqual(first);
    const other = runAll({ ...doc, sim: { ...doc.sim, seed: doc.sim.seed + 1 } });
    expect(other.totals.requests).not.toBe(first.totals.requests);
  });

  it('a fault scheduled during the run replays identically from the document', () => {
    const doc = { ...ACTIVE_ACTIVE.document, sim: { ...ACTIVE_ACTIVE.document.sim, durationSec: 40 } };
    const live = createSimulation(doc);
    live.advance(12.3456);
    const atSec = Math.ceil(live.nowSec * 1000 + 1e-9) / 1000;
    live.schedule({ atSec, action: 'fail', target: 'Server2' });
    live.advance(40);
    const replay = createSimulation({ ...doc, scenario: [{ atSec, action: 'fail', target: 'Server2' }] });
    replay.advance(40);
    expect(replay.totals()).toEqual(live.totals());
  });
});

describe('liveness', () => {
  it('without faults, every request is answered: none fails and few are in flight at the end', () => {
    // Pinned regression: a server calling two databases, reached directly by its client, once answered
    // with its downstream step instead of the client's attempt number, and its answers were ignored.
    const shapes = fc.record({
      withLb: fc.boolean(),
      services: fc.integer({ min: 1, max: 3 }),
      databases: fc.integer({ min: 0, max: 3 }),
      retries: fc.integer({ min: 0, max: 2 }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(shapes, ({ withLb, services, databases, retries, seed }) => {
        const ids = Array.from({ length: services }, (_, i) => `S${i}`);
        const dbs = Array.from({ length: databases }, (_, i) => `D${i}`);
        const worker = { workers: 64, service: { type: 'exp' as const, meanMs: 1 }, queueCapacity: Infinity };
        const nodes: NodeSpec[] = [
          {
            id: 'C',
            label: 'C',
            kind: 'client',
            params: { ratePerSec: 100, arrival: 'poisson', timeoutMs: Infinity, retries },
          },
          ...ids.map((id): NodeSpec => ({ id, label: id, kind: 'service', params: worker })),
          ...dbs.map((id): NodeSpec => ({
            id,
            label: id,
            kind: 'database',
            params: { ...worker, replicas: 1 },
          })),
          ...(withLb ? [{ id: 'LB', label: 'LB', kind: 'lb', params: DEFAULT_LB } as NodeSpec] : []),
        ];
        const pairs: [string, string][] = [
          ...(withLb
            ? [['C', 'LB'] as [string, string], ...ids.map((s): [string, string] => ['LB', s])]
            : ids.map((s): [string, string] => ['C', s])),
          ...ids.flatMap((s) => dbs.map((d): [string, string] => [s, d])),
        ];
        const edges = pairs.map(([source, target]): EdgeSpec => ({
          id: `${source}-->${target}`,
          source,
          target,
          params: { latency: { type: 'const', valueMs: 0 }, weight: 1, backup: false },
        }));
        const doc: ArchDocument = {
          name: 'live',
          direction: 'LR',
          nodes,
          edges,
          groups: [],
          scenario: [],
          sim: { seed, durationSec: 10, warmupSec: 0 },
        };
        const { totals } = runAll(doc);
        expect(totals.failed).toBe(0);
        expect(totals.inFlight).toBeLessThan(20);
        expect(totals.ok).toBeGreaterThan(800);
      }),
      { numRuns: 30, seed: 2026 },
    );
  });
});

describe('call states', () => {
  it('every state change of a call is one of the transition table', async () => {
    // Runs with checkTransitions throw on a move missing from CALL_TRANSITIONS (src/sim/call-pool.ts).
    const runChecked = (doc: ArchDocument) => {
      const sim = createSimulation(doc, { checkTransitions: true });
      while (!sim.done) sim.advance(sim.durationSec, 100_000);
      return sim.totals();
    };
    fc.assert(
      fc.property(topology, (doc) => {
        const hanging = doc.scenario.map((step, i) =>
          step.action === 'fail' && i % 2 === 1 ? { ...step, mode: 'hang' as const } : step,
        );
        runChecked({ ...doc, scenario: hanging });
      }),
      { numRuns: 40, seed: 15 },
    );
    // The gallery covers what the random shapes lack: queues, DNS, sessions, replication, promotion.
    for (const preset of GALLERY) {
      const parsed = await parseMermaid(preset.mermaid);
      if (!parsed.ok) throw new Error(preset.id);
      expect(runChecked(parsed.document).requests).toBeGreaterThan(0);
    }
    expect(runChecked(retriesAndTimeouts()).attempts).toBeGreaterThan(0);
  });

  it('a state change missing from the table is refused', () => {
    const calls = new CheckedCallPool();
    const call = calls.alloc();
    calls.move(call, CallState.wireIn);
    expect(() => calls.move(call, CallState.backoff)).toThrow('no transition from wireIn to backoff');
    expect(isAllowedTransition(CallState.held, CallState.serving)).toBe(false);
    expect(isAllowedTransition(CallState.held, CallState.reset)).toBe(true);
  });
});
