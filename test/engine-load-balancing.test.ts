import { describe, expect, it } from 'vitest';
import { balanced } from './support/documents';
import { runAll, sumOver } from './support/run';

/**
 * Load-balancing policies against theory (docs/ENGINE-NOTES.md): two servers with exponential service
 * (μ = 1 per ms) share λ = 1.2 per ms. A random split makes each an M/M/1 queue at ρ = 0.6 (W = 2.5);
 * round-robin gives each Erlang-2 arrivals, an E2/M/1 queue with σ = 0.4958 (W = 1.983, p95 = 5.942):
 * strictly better, and the simulation must show it within 3%.
 */
const RATE = 1200;
const DURATION = 1300; // about 1.5 M requests

function g_m_1_sigma(): number {
  // σ solves σ = A*(μ(1−σ)) with A* the Laplace transform of Erlang-2 interarrivals of rate λ/2 each...
  // for round-robin over 2 servers: interarrival ~ Erlang(2, λ), A*(s) = (λ/(λ+s))².
  const lambda = 1.2;
  let sigma = 0.5;
  for (let i = 0; i < 200; i++) sigma = (lambda / (lambda + (1 - sigma))) ** 2;
  return sigma;
}

describe('two equal servers behind a load balancer', () => {
  it('random split: each server is M/M/1 at ρ = 0.6 (mean within 2%, p95 within 3%)', () => {
    const { totals } = runAll(
      balanced({ client: { ratePerSec: RATE }, lb: { policy: 'random' }, durationSec: DURATION, seed: 11 }),
      100,
    );
    expect(Math.abs(totals.latencyMs.mean - 2.5) / 2.5).toBeLessThan(0.02);
    expect(Math.abs(totals.latencyMs.p95 - 7.489) / 7.489).toBeLessThan(0.03);
  });

  it('round-robin split: each server is E2/M/1, with lower waiting than random, within 3% of theory', () => {
    const sigma = g_m_1_sigma();
    expect(sigma).toBeCloseTo(0.4958, 4);
    const meanWait = sigma / (1 - sigma); // Wq = σ / (μ(1 − σ))
    const meanResponse = meanWait + 1;
    const { totals } = runAll(
      balanced({
        client: { ratePerSec: RATE },
        lb: { policy: 'round-robin' },
        durationSec: DURATION,
        seed: 12,
      }),
      100,
    );
    expect(Math.abs(totals.latencyMs.mean - meanResponse) / meanResponse).toBeLessThan(0.03);
    expect(Math.abs(totals.latencyMs.p95 - 5.942) / 5.942).toBeLessThan(0.03);
    expect(totals.latencyMs.mean).toBeLessThan(2.5 * 0.85);
  });
});

describe('policies', () => {
  it('weighted round-robin splits by edge weight', () => {
    const doc = balanced({
      servers: 3,
      client: { ratePerSec: 600 },
      lb: { policy: 'weighted' },
      server: { workers: 8 },
      edges: { 'LB-->S1': { weight: 3 }, 'LB-->S2': { weight: 2 }, 'LB-->S3': { weight: 1 } },
      durationSec: 20,
    });
    const { nodes } = runAll(doc);
    const total = (nodes['S1']?.arrivals ?? 0) + (nodes['S2']?.arrivals ?? 0) + (nodes['S3']?.arrivals ?? 0);
    expect((nodes['S1']?.arrivals ?? 0) / total).toBeCloseTo(3 / 6, 2);
    expect((nodes['S2']?.arrivals ?? 0) / total).toBeCloseTo(2 / 6, 2);
    expect((nodes['S3']?.arrivals ?? 0) / total).toBeCloseTo(1 / 6, 2);
  });

  it.each(['least-conn', 'p2c'] as const)('%s steers traffic away from a slow server', (policy) => {
    const doc = balanced({
      client: { ratePerSec: 1000 },
      lb: { policy },
      server: { workers: 4 },
      scenario: [{ atSec: 0, action: 'degrade', target: 'S1', factor: 4 }],
      durationSec: 30,
    });
    const { nodes } = runAll(doc);
    expect(nodes['S2']?.arrivals ?? 0).toBeGreaterThan(1.5 * (nodes['S1']?.arrivals ?? 0));
    // Round-robin, for contrast, splits evenly whatever the speed.
    const rr = runAll({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.kind === 'lb' ? { ...n, params: { ...n.params, policy: 'round-robin' } } : n,
      ),
    });
    expect(Math.abs((rr.nodes['S1']?.arrivals ?? 0) - (rr.nodes['S2']?.arrivals ?? 0))).toBeLessThan(5);
  });

  it('least-connections keeps sending to a hung server only while its connections are few', () => {
    const doc = balanced({
      client: { ratePerSec: 200, timeoutMs: 1000 },
      lb: { policy: 'least-conn', hcIntervalMs: 60_000 },
      server: { workers: 8 },
      scenario: [{ atSec: 5, action: 'fail', target: 'S1', mode: 'hang' }],
      durationSec: 30,
    });
    const { rows } = runAll(doc);
    // The hung server holds each request it gets, so least-conn sends it almost nothing after the first moments.
    expect(sumOver(rows, 10, 30, (r) => r.nodes['S1']?.arrivals ?? 0)).toBeLessThan(5);
  });

  it('hash routing is sticky per user, and a failure moves only the failed server’s users', () => {
    const doc = balanced({
      servers: 3,
      client: { ratePerSec: 300, users: 50 },
      lb: { policy: 'hash' },
      server: { workers: 4 },
      scenario: [{ atSec: 10, action: 'fail', target: 'S3' }],
      durationSec: 30,
    });
    const { rows } = runAll(doc);
    const before = (id: string) => sumOver(rows, 0, 10, (r) => r.nodes[id]?.arrivals ?? 0);
    const after = (id: string) => sumOver(rows, 20, 30, (r) => r.nodes[id]?.arrivals ?? 0);
    // Every server has users before; after S3 is marked down its users spread over the others, whose
    // own users stay put: each survivor's traffic can only grow.
    for (const id of ['S1', 'S2', 'S3']) expect(before(id)).toBeGreaterThan(0);
    expect(after('S3')).toBe(0);
    expect(after('S1') + after('S2')).toBeGreaterThan(0.9 * (before('S1') + before('S2') + before('S3')));
    expect(after('S1')).toBeGreaterThanOrEqual(before('S1') * 0.9);
    expect(after('S2')).toBeGreaterThanOrEqual(before('S2') * 0.9);
  });
});

describe('active-passive', () => {
  const scenario = [{ atSec: 20.0005, action: 'fail' as const, target: 'S1' }];
  const base = { client: { ratePerSec: 100 }, server: { workers: 4 }, scenario, durationSec: 40 };

  it('the backup takes no traffic until every primary is down, then after the promotion delay', () => {
    const { rows, events } = runAll(balanced({ ...base, lb: { mode: 'active-passive', promoteMs: 5000 } }));
    expect(sumOver(rows, 0, 20, (r) => r.nodes['S2']?.arrivals ?? 0)).toBe(0);
    const down = events.find((e) => e.type === 'hc-down' && e.target === 'S1');
    const promote = events.find((e) => e.type === 'promote');
    expect(down).toBeDefined();
    expect(promote?.t).toBeCloseTo((down?.t ?? 0) + 5, 6);
    expect(
      sumOver(rows, Math.ceil(promote?.t ?? 0), 40, (r) => r.nodes['S2']?.arrivals ?? 0),
    ).toBeGreaterThan(0);
  });

  it('costs the promotion delay times the offered load in extra failed requests, against active-active', () => {
    const passive = runAll(balanced({ ...base, lb: { mode: 'active-passive', promoteMs: 5000 } }));
    const active = runAll(balanced({ ...base, lb: { mode: 'active-active' } }));
    const extra = passive.totals.failed - active.totals.failed;
    // During detection active-active loses only S1's half of the traffic; active-passive loses all of it
    // during detection (S1 had it all) and then during the 5 s promotion: about 100 × (6/2 + 5) more.
    expect(extra).toBeGreaterThan(100 * 5 * 0.8);
    expect(extra).toBeLessThan(100 * (5 + 2 + 3) * 1.2);
  });
});

describe('passive outlier ejection', () => {
  it('ejects a server answering errors before the health checks (which it passes) could notice', () => {
    const doc = balanced({
      client: { ratePerSec: 200 },
      lb: { ejectErrors: 5, ejectTimeMs: 10_000 },
      server: { workers: 4 },
      scenario: [{ atSec: 5, action: 'degrade', target: 'S1', errorRate: 1 }],
      durationSec: 14,
    });
    const { rows, events } = runAll(doc);
    const eject = events.find((e) => e.type === 'eject');
    expect(eject?.target).toBe('S1');
    expect(eject?.t).toBeLessThan(5.2);
    expect(sumOver(rows, 6, 14, (r) => r.total.failed)).toBe(0);
  });
});
