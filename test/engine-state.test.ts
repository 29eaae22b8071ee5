import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT, DEFAULT_EDGE, DEFAULT_LB } from '../src/model/defaults';
import type {
  ArchDocument,
  DatabaseParams,
  EdgeSpec,
  NodeSpec,
  ScenarioStep,
  ServiceParams,
  SessionStrategy,
} from '../src/model/types';
import { runAll, sumOver } from './support/run';

const edge = (source: string, target: string): EdgeSpec => ({
  id: `${source}-->${target}`,
  source,
  target,
  params: DEFAULT_EDGE,
});

/** A client writing straight to a database with replicas. */
function clientToDatabase(
  db: Partial<DatabaseParams>,
  options: { rate: number; writes: number; scenario: ScenarioStep[]; durationSec: number; seed?: number },
): ArchDocument {
  return {
    name: 'replication',
    direction: 'LR',
    nodes: [
      {
        id: 'C',
        label: 'Client',
        kind: 'client',
        params: {
          ...DEFAULT_CLIENT,
          ratePerSec: options.rate,
          arrival: 'constant',
          writes: options.writes,
          timeoutMs: Infinity,
        },
      },
      {
        id: 'DB',
        label: 'Database',
        kind: 'database',
        params: {
          workers: 16,
          service: { type: 'const', valueMs: 1 },
          queueCapacity: 1000,
          replicas: 1,
          ...db,
        },
      },
    ],
    edges: [edge('C', 'DB')],
    groups: [],
    scenario: options.scenario,
    sim: { seed: options.seed ?? 1, durationSec: options.durationSec, warmupSec: 0 },
  };
}

describe('database replication', () => {
  it('async replication with a 200 ms lag loses the last 200 ms of writes: about 20 at 100 writes/s', () => {
    const doc = clientToDatabase(
      { replication: 'async', lag: { type: 'const', valueMs: 200 } },
      { rate: 100, writes: 1, scenario: [{ atSec: 10.0005, action: 'fail', target: 'DB' }], durationSec: 30 },
    );
    const { totals } = runAll(doc);
    expect(totals.writesLost).toBeGreaterThanOrEqual(19);
    expect(totals.writesLost).toBeLessThanOrEqual(21);
  });

  it('sync replication never loses a write, whatever the failure time, and pays the lag on each write', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 9, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (failAt, seed) => {
          const doc = clientToDatabase(
            { replication: 'sync', lag: { type: 'exp', meanMs: 20 } },
            {
              rate: 200,
              writes: 0.5,
              scenario: [{ atSec: failAt, action: 'fail', target: 'DB' }],
              durationSec: 10,
              seed,
            },
          );
          expect(runAll(doc).totals.writesLost).toBe(0);
        },
      ),
      { numRuns: 20, seed: 4 },
    );
    const sync = runAll(
      clientToDatabase(
        { replication: 'sync', lag: { type: 'const', valueMs: 20 } },
        { rate: 100, writes: 1, scenario: [], durationSec: 5 },
      ),
    );
    const async = runAll(
      clientToDatabase(
        { replication: 'async', lag: { type: 'const', valueMs: 20 } },
        { rate: 100, writes: 1, scenario: [], durationSec: 5 },
      ),
    );
    expect(sync.totals.latencyMs.mean).toBeCloseTo(21, 1);
    expect(async.totals.latencyMs.mean).toBeCloseTo(1, 1);
  });

  it('reports the replication lag each second, and how long each failover took', () => {
    const doc = clientToDatabase(
      { replication: 'async', lag: { type: 'const', valueMs: 200 }, detectMs: 2000, promoteMs: 3000 },
      { rate: 100, writes: 1, scenario: [{ atSec: 10, action: 'fail', target: 'DB' }], durationSec: 20 },
    );
    const { rows, events } = runAll(doc);
    // Writes keep coming every 10 ms with a 200 ms lag: the replica is always nearly 200 ms behind.
    const lag = rows.find((r) => r.t === 5)?.nodes['DB']?.replicationLagMs ?? NaN;
    expect(lag).toBeGreaterThan(185);
    expect(lag).toBeLessThanOrEqual(200);
    expect(events.find((e) => e.type === 'promote')?.detail).toBe(
      'replica promoted to primary, 5 s after the crash',
    );
    const sync = clientToDatabase(
      { replication: 'sync', lag: { type: 'const', valueMs: 20 } },
      { rate: 100, writes: 1, scenario: [], durationSec: 5 },
    );
    expect(runAll(sync).rows.find((r) => r.t === 3)?.nodes['DB']?.replicationLagMs).toBe(0);
  });

  it('fails over after detection plus promotion, then serves again with one replica fewer', () => {
    const doc = clientToDatabase(
      { replication: 'async', detectMs: 2000, promoteMs: 3000 },
      { rate: 100, writes: 0.2, scenario: [{ atSec: 10, action: 'fail', target: 'DB' }], durationSec: 30 },
    );
    const { rows, events } = runAll(doc);
    expect(events.find((e) => e.type === 'promote')?.t).toBeCloseTo(15, 6);
    expect(sumOver(rows, 10, 15, (r) => r.total.ok)).toBe(0);
    expect(sumOver(rows, 15, 30, (r) => r.total.failed)).toBe(0);
    // With no replica left, a second failure has nobody to promote.
    const twice = runAll({
      ...doc,
      scenario: [...doc.scenario, { atSec: 20, action: 'fail', target: 'DB' }],
    });
    expect(sumOver(twice.rows, 21, 30, (r) => r.total.ok)).toBe(0);
  });

  it('counts reads that come before the reader’s own write reached the replica as stale', () => {
    // 10 users at 500 req/s: each user reads about every 20 ms, well inside a 100 ms lag after a write.
    const doc = clientToDatabase(
      { replication: 'async', lag: { type: 'const', valueMs: 100 } },
      { rate: 500, writes: 0.5, scenario: [], durationSec: 10 },
    );
    const users = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.kind === 'client' ? { ...n, params: { ...n.params, users: 10 } } : n)),
    };
    expect(runAll(users).totals.staleReads).toBeGreaterThan(1000);
    const sync = {
      ...users,
      nodes: users.nodes.map((n) =>
        n.kind === 'database' ? { ...n, params: { ...n.params, replication: 'sync' as const } } : n,
      ),
    };
    expect(runAll(sync).totals.staleReads).toBe(0);
  });
});

/** Client → LB (hash by user) → S1, S2 keeping sessions; a cache C1 as the store when asked. */
function sessionsDoc(strategy: SessionStrategy, scenario: ScenarioStep[]): ArchDocument {
  const server = (id: string): NodeSpec => ({
    id,
    label: id,
    kind: 'service',
    params: {
      workers: 16,
      service: { type: 'exp', meanMs: 2 },
      queueCapacity: 100,
      sessions: strategy,
    } satisfies ServiceParams,
  });
  const nodes: NodeSpec[] = [
    {
      id: 'C',
      label: 'Client',
      kind: 'client',
      params: { ...DEFAULT_CLIENT, ratePerSec: 500, users: 1000, writes: 0.3 },
    },
    { id: 'LB', label: 'LB', kind: 'lb', params: { ...DEFAULT_LB, policy: 'hash' } },
    server('S1'),
    server('S2'),
  ];
  const edges = [edge('C', 'LB'), edge('LB', 'S1'), edge('LB', 'S2')];
  if (strategy === 'store') {
    nodes.push({
      id: 'Store',
      label: 'Session store',
      kind: 'cache',
      params: { workers: 32, service: { type: 'exp', meanMs: 0.5 }, queueCapacity: 1000 },
    });
    edges.push(edge('S1', 'Store'), edge('S2', 'Store'));
  }
  return {
    name: 'sessions',
    direction: 'LR',
    nodes,
    edges,
    groups: [],
    scenario,
    sim: { seed: 8, durationSec: 40, warmupSec: 0 },
  };
}

describe('sessions', () => {
  const failS1 = [{ atSec: 20, action: 'fail' as const, target: 'S1' }];

  it('sticky sessions spread over two servers lose about half of them when one fails', () => {
    const { totals } = runAll(sessionsDoc('sticky', failS1));
    expect(totals.sessionsLost).toBeGreaterThan(1000 * 0.35);
    expect(totals.sessionsLost).toBeLessThan(1000 * 0.65);
  });

  it('replicated sessions and a session store survive a server failure', () => {
    expect(runAll(sessionsDoc('replicated', failS1)).totals.sessionsLost).toBe(0);
    expect(runAll(sessionsDoc('store', failS1)).totals.sessionsLost).toBe(0);
  });

  it('a session store loses every session when the store itself fails', () => {
    const { totals } = runAll(sessionsDoc('store', [{ atSec: 20, action: 'fail', target: 'Store' }]));
    expect(totals.sessionsLost).toBeGreaterThan(990);
    expect(totals.sessionsLost).toBeLessThanOrEqual(1000);
  });

  it('sticky sessions behind a load balancer that is not sticky are lost all the time', () => {
    const doc = sessionsDoc('sticky', []);
    const roundRobin = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.kind === 'lb' ? { ...n, params: { ...n.params, policy: 'round-robin' as const } } : n,
      ),
    };
    expect(runAll(roundRobin).totals.sessionsLost).toBeGreaterThan(5000);
  });

  it('each strategy has its latency cost: replication pays on writes, the store on every request', () => {
    const mean = (strategy: SessionStrategy) => runAll(sessionsDoc(strategy, [])).totals.latencyMs.mean;
    const sticky = mean('sticky');
    expect(mean('replicated')).toBeGreaterThan(sticky + 0.2);
    expect(mean('store')).toBeGreaterThan(sticky + 0.3);
  });
});
