import { describe, expect, it } from 'vitest';
import { DEFAULT_EDGE } from '../src/model/defaults';
import type { ArchDocument } from '../src/model/types';
import { nextInBursts, nextOnRamp } from '../src/sim/clients';
import { createSimulation } from '../src/sim/engine';
import { balanced, clientToService } from './support/documents';
import { runAll, sumOver } from './support/run';

describe('arrival processes', () => {
  it('constant arrivals come exactly at the rate', () => {
    const doc = balanced({
      client: { ratePerSec: 250, arrival: 'constant' },
      server: { workers: 8 },
      durationSec: 10,
    });
    const { rows } = runAll(doc);
    for (const row of rows.slice(1)) expect(row.total.requests).toBe(250);
  });

  it('bursty arrivals run at the rate during on periods and stop during off periods', () => {
    const doc = balanced({
      client: { ratePerSec: 400, arrival: 'bursty', burstOnMs: 5000, burstOffMs: 10_000 },
      server: { workers: 8 },
      durationSec: 60,
    });
    const { rows } = runAll(doc);
    const on = sumOver(rows, 0, 60, (r) => (r.t % 15 < 5 ? r.total.requests : 0)) / 20;
    const off = sumOver(rows, 0, 60, (r) => (r.t % 15 >= 5 ? r.total.requests : 0));
    expect(on).toBeGreaterThan(370);
    expect(on).toBeLessThan(430);
    expect(off).toBe(0);
  });

  it('a ramp climbs linearly to the rate, then stays', () => {
    const doc = balanced({
      client: { ratePerSec: 1000, arrival: 'ramp', rampMs: 20_000 },
      server: { workers: 16 },
      durationSec: 40,
    });
    const { rows } = runAll(doc);
    // Over [0, 20) the mean rate is half the plateau; over [20, 40) it is the plateau.
    const meanRate = (from: number, to: number) =>
      sumOver(rows, from, to, (r) => r.total.requests) / (to - from);
    expect(Math.abs(meanRate(0, 20) - 500) / 500).toBeLessThan(0.04);
    expect(Math.abs(meanRate(20, 40) - 1000) / 1000).toBeLessThan(0.04);
    expect(sumOver(rows, 0, 5, (r) => r.total.requests)).toBeLessThan(
      sumOver(rows, 15, 20, (r) => r.total.requests) / 3,
    );
  });

  it('the burst and ramp clocks skip and invert correctly', () => {
    // 1 s of on-time starting inside an off period lands 1 s after the next on period starts.
    expect(nextInBursts(6000, 1000, 5000, 10_000)).toBe(16_000);
    // 7 s of on-time from t = 0 crosses one off period.
    expect(nextInBursts(0, 7000, 5000, 10_000)).toBe(17_000);
    // On a ramp of 1 per ms over 100 ms, Λ(100) = 50: a unit gap of 50 from 0 lands at the ramp's end.
    expect(nextOnRamp(0, 50, 1, 100)).toBeCloseTo(100, 9);
    expect(nextOnRamp(100, 10, 1, 100)).toBeCloseTo(110, 9);
  });
});

describe('timeouts and retries', () => {
  it('retries recover requests that a flaky server fails (1 − 0.3³ of them with two retries)', () => {
    const doc = balanced({
      servers: 1,
      client: { ratePerSec: 500, retries: 2, backoffMs: 10 },
      server: { workers: 16 },
      scenario: [{ atSec: 0, action: 'degrade', target: 'S1', errorRate: 0.3 }],
      durationSec: 40,
    });
    const { totals } = runAll(doc);
    expect(Math.abs(totals.availability - (1 - 0.3 ** 3))).toBeLessThan(0.005);
    // Each request costs 1 + 0.3 + 0.09 attempts on average.
    expect(totals.attempts / totals.requests).toBeCloseTo(1.39, 1);
  });

  it('a retry storm emerges: timeouts and retries against a slowed server multiply the offered load', () => {
    const storm = balanced({
      servers: 1,
      client: { ratePerSec: 600, timeoutMs: 200, retries: 3 },
      // 8 workers of 10 ms: 800/s of capacity, 75% busy; slowed twice, 400/s, below the offered 600/s.
      server: { workers: 8, service: { type: 'exp', meanMs: 10 }, queueCapacity: 2000 },
      scenario: [{ atSec: 10, action: 'degrade', target: 'S1', factor: 2 }],
      durationSec: 40,
    });
    const { rows } = runAll(storm);
    const amplification = (from: number, to: number) =>
      sumOver(rows, from, to, (r) => r.total.attempts) / sumOver(rows, from, to, (r) => r.total.requests);
    expect(amplification(0, 10)).toBeLessThan(1.01);
    expect(amplification(25, 40)).toBeGreaterThan(2.5);
    // A retry budget of 10% caps the amplification near 1.1.
    const budgeted = runAll({
      ...storm,
      nodes: storm.nodes.map((n) =>
        n.kind === 'client' ? { ...n, params: { ...n.params, retryBudget: 0.1 } } : n,
      ),
    });
    const budgetedAmplification =
      sumOver(budgeted.rows, 25, 40, (r) => r.total.attempts) /
      sumOver(budgeted.rows, 25, 40, (r) => r.total.requests);
    expect(budgetedAmplification).toBeLessThan(1.15);
  });

  it('a server’s own downstream timeout fails its call instead of holding a worker for ever', () => {
    const doc: ArchDocument = {
      name: 'timeout',
      direction: 'LR',
      nodes: [
        {
          id: 'C',
          label: 'C',
          kind: 'client',
          params: { ratePerSec: 50, arrival: 'poisson', timeoutMs: Infinity, retries: 0 },
        },
        {
          id: 'S',
          label: 'S',
          kind: 'service',
          params: { workers: 32, service: { type: 'const', valueMs: 1 }, queueCapacity: 100, timeoutMs: 300 },
        },
        {
          id: 'DB',
          label: 'DB',
          kind: 'database',
          params: { workers: 4, service: { type: 'const', valueMs: 1 }, queueCapacity: 100 },
        },
      ],
      edges: [
        { id: 'C-->S', source: 'C', target: 'S', params: DEFAULT_EDGE },
        { id: 'S-->DB', source: 'S', target: 'DB', params: DEFAULT_EDGE },
      ],
      groups: [],
      scenario: [{ atSec: 5, action: 'fail', target: 'DB', mode: 'hang' }],
      sim: { seed: 3, durationSec: 20, warmupSec: 0 },
    };
    const { totals, rows } = runAll(doc);
    expect(totals.errorsByCause.timeout).toBeGreaterThan(600);
    // Each failed request held a worker for the server's 300 ms timeout: 50/s × 0.3 s = 15 of 32 workers.
    const utilization = sumOver(rows, 10, 20, (r) => r.nodes['S']?.utilization ?? 0) / 10;
    expect(Math.abs(utilization - 15 / 32)).toBeLessThan(0.05);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, fails fast while open, and closes after a good trial', () => {
    const doc = balanced({
      servers: 1,
      client: { ratePerSec: 200, breakerErrors: 5, breakerOpenMs: 2000 },
      server: { workers: 8 },
      lb: { hcIntervalMs: 600_000 },
      scenario: [
        { atSec: 5, action: 'degrade', target: 'S1', errorRate: 1 },
        { atSec: 10, action: 'recover', target: 'S1' },
      ],
      durationSec: 20,
    });
    const { events, nodes, totals } = runAll(doc);
    const opened = events.filter((e) => e.type === 'breaker-open');
    expect(opened[0]?.t).toBeLessThan(5.1);
    expect(events.some((e) => e.type === 'breaker-close' && e.t > 10)).toBe(true);
    // While open, requests never reach the server: far fewer arrivals there than requests sent.
    expect(totals.errorsByCause.rejected).toBeGreaterThan(500);
    expect((nodes['S1']?.arrivals ?? 0) + totals.errorsByCause.rejected).toBeGreaterThanOrEqual(
      totals.requests - 5,
    );
  });
});

describe('bounds', () => {
  it('a cycle ends at the call depth limit and is reported, never a stack overflow', () => {
    const doc: ArchDocument = {
      name: 'cycle',
      direction: 'LR',
      nodes: [
        {
          id: 'C',
          label: 'C',
          kind: 'client',
          params: { ratePerSec: 10, arrival: 'poisson', timeoutMs: Infinity, retries: 0 },
        },
        {
          id: 'A',
          label: 'A',
          kind: 'service',
          params: { workers: 100, service: { type: 'const', valueMs: 0 }, queueCapacity: 10 },
        },
        {
          id: 'B',
          label: 'B',
          kind: 'service',
          params: { workers: 100, service: { type: 'const', valueMs: 0 }, queueCapacity: 10 },
        },
      ],
      edges: [
        { id: 'C-->A', source: 'C', target: 'A', params: DEFAULT_EDGE },
        { id: 'A-->B', source: 'A', target: 'B', params: DEFAULT_EDGE },
        { id: 'B-->A', source: 'B', target: 'A', params: DEFAULT_EDGE },
      ],
      groups: [],
      scenario: [],
      sim: { seed: 1, durationSec: 10, warmupSec: 0 },
    };
    const { totals, events } = runAll(doc);
    expect(totals.ok).toBe(0);
    expect(totals.failed).toBeGreaterThan(50);
    expect(events.filter((e) => e.type === 'depth-limit')).toHaveLength(1);
  });

  it('a run that reaches its event cap stops and says so', () => {
    const sim = createSimulation(
      clientToService({
        ratePerSec: 1000,
        workers: 1,
        service: { type: 'exp', meanMs: 0.5 },
        durationSec: 100,
        seed: 1,
      }),
      {
        maxEvents: 10_000,
      },
    );
    sim.advance(100);
    expect(sim.done).toBe(true);
    expect(sim.stopped).toBe('stopped at 10000 events');
    expect(sim.takeEvents().at(-1)?.type).toBe('stopped');
    const totals = sim.totals();
    expect(totals.requests).toBe(totals.ok + totals.failed + totals.inFlight);
  });
});

describe('M/D/1 against Pollaczek–Khinchine', () => {
  it('mean response with constant service at ρ = 0.8 is within 3% of 3 service times', () => {
    const sim = createSimulation(
      clientToService({
        ratePerSec: 800,
        workers: 1,
        service: { type: 'const', valueMs: 1 },
        durationSec: 1500,
        seed: 5,
      }),
    );
    while (!sim.done) sim.advance(sim.durationSec, 500_000);
    const mean = sim.totals().latencyMs.mean;
    expect(Math.abs(mean - 3) / 3).toBeLessThan(0.03);
  });
});
