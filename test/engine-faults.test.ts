import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanced } from './support/documents';
import { runAll, sumOver } from './support/run';

describe('failover to an overloaded survivor', () => {
  it('the survivor’s queue grows at λ − μ per second until its bound, then rejects the excess', () => {
    // λ = 1500/s over two servers of μ = 1000/s: each runs at 75% until S1 fails; then S2 alone is
    // offered 1500/s, so its queue grows by 500 per second up to 5,000, then 500/s are rejected.
    const doc = balanced({
      client: { ratePerSec: 1500 },
      server: { workers: 1, queueCapacity: 5000 },
      lb: { hcIntervalMs: 1000, hcUnhealthy: 2 },
      scenario: [{ atSec: 10, action: 'fail', target: 'S1' }],
      durationSec: 40,
    });
    const { rows } = runAll(doc);
    const queueAt = (t: number) => rows.find((r) => r.t === t)?.nodes['S2']?.queueLength ?? NaN;
    const growth = (queueAt(20) - queueAt(14)) / 6;
    expect(Math.abs(growth - 500) / 500).toBeLessThan(0.05);
    expect(queueAt(35)).toBeGreaterThan(4990);
    const rejected = sumOver(rows, 30, 40, (r) => r.nodes['S2']?.errorsByCause.rejected ?? 0) / 10;
    expect(Math.abs(rejected - 500) / 500).toBeLessThan(0.05);
  });
});

describe('health-check detection', () => {
  it('takes interval × unhealthy threshold, give or take one interval and the probe timeout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 5000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.constantFrom('crash', 'hang'),
        (intervalMs, unhealthy, failAt, mode) => {
          const hcTimeoutMs = Math.min(500, intervalMs / 2);
          const doc = balanced({
            client: { ratePerSec: 50 },
            lb: { hcIntervalMs: intervalMs, hcUnhealthy: unhealthy, hcTimeoutMs },
            scenario: [{ atSec: failAt, action: 'fail', target: 'S1', mode }],
            durationSec: failAt + (intervalMs * (unhealthy + 2)) / 1000 + 1,
          });
          const { events } = runAll(doc);
          const down = events.find((e) => e.type === 'hc-down' && e.target === 'S1');
          expect(down).toBeDefined();
          const detection = (down?.t ?? 0) - failAt;
          const nominal = (intervalMs * unhealthy) / 1000;
          expect(detection).toBeGreaterThanOrEqual(nominal - intervalMs / 1000 - 1e-9);
          expect(detection).toBeLessThanOrEqual(nominal + (intervalMs + hcTimeoutMs) / 1000 + 1e-9);
        },
      ),
      { numRuns: 40, seed: 99 },
    );
  });

  it('requests sent to a crashed server fail until detection, then stop failing', () => {
    const doc = balanced({
      client: { ratePerSec: 400 },
      server: { workers: 8 },
      scenario: [{ atSec: 30.001, action: 'fail', target: 'S1' }],
      durationSec: 50,
    });
    const { rows, events, totals } = runAll(doc);
    const down = events.find((e) => e.type === 'hc-down');
    expect(down?.t).toBeCloseTo(36, 6);
    // Round-robin sends every other request to S1 during the 6 s window: about 200/s × 6 s fail.
    expect(Math.abs(totals.failed - 1200) / 1200).toBeLessThan(0.1);
    expect(totals.errorsByCause.refused).toBe(totals.failed);
    expect(sumOver(rows, 37, 50, (r) => r.total.failed)).toBe(0);
    expect(sumOver(rows, 37, 50, (r) => r.nodes['S2']?.completed ?? 0) / 13).toBeGreaterThan(380);
  });
});

describe('node faults', () => {
  it('a hung server accepts and never answers: clients time out', () => {
    const doc = balanced({
      client: { ratePerSec: 100, timeoutMs: 500 },
      lb: { hcIntervalMs: 60_000 },
      server: { workers: 4 },
      scenario: [{ atSec: 5, action: 'fail', target: 'S1', mode: 'hang' }],
      durationSec: 15,
    });
    const { totals, rows } = runAll(doc);
    expect(totals.errorsByCause.timeout).toBeGreaterThan(400);
    expect(totals.errorsByCause.refused).toBe(0);
    expect(sumOver(rows, 0, 5, (r) => r.total.failed)).toBe(0);
  });

  it('a slow server takes factor × its service time', () => {
    const doc = balanced({
      servers: 1,
      client: { ratePerSec: 10 },
      server: { workers: 100, service: { type: 'const', valueMs: 10 } },
      scenario: [{ atSec: 10, action: 'degrade', target: 'S1', factor: 3 }],
      durationSec: 20,
    });
    const { rows } = runAll(doc);
    expect(rows.find((r) => r.t === 5)?.total.mean).toBeCloseTo(10, 1);
    expect(rows.find((r) => r.t === 15)?.total.mean).toBeCloseTo(30, 1);
  });

  it('an error probability fails that share of requests, and recover ends it', () => {
    const doc = balanced({
      servers: 1,
      client: { ratePerSec: 1000 },
      server: { workers: 8 },
      scenario: [
        { atSec: 0, action: 'degrade', target: 'S1', errorRate: 0.2 },
        { atSec: 20, action: 'recover', target: 'S1' },
      ],
      durationSec: 30,
    });
    const { rows } = runAll(doc);
    const failed = sumOver(rows, 0, 20, (r) => r.total.failed);
    const finished = sumOver(rows, 0, 20, (r) => r.total.failed + r.total.ok);
    expect(Math.abs(failed / finished - 0.2)).toBeLessThan(0.01);
    expect(sumOver(rows, 21, 30, (r) => r.total.failed)).toBe(0);
  });

  it('a zone outage fails every node of the group', () => {
    const doc = balanced({
      servers: 2,
      grouped: true,
      client: { ratePerSec: 100 },
      scenario: [{ atSec: 5, action: 'fail', target: 'Zone' }],
      durationSec: 20,
    });
    const { rows } = runAll(doc);
    expect(sumOver(rows, 12, 20, (r) => r.total.ok)).toBe(0);
    expect(sumOver(rows, 12, 20, (r) => r.total.failed)).toBeGreaterThan(700);
  });
});

describe('edge faults', () => {
  it('a partitioned edge loses requests: callers see them dropped after the connect timeout', () => {
    const doc = balanced({
      servers: 1,
      client: { ratePerSec: 100 },
      scenario: [
        { atSec: 5, action: 'partition', target: 'LB-->S1' },
        { atSec: 10, action: 'recover', target: 'LB-->S1' },
      ],
      durationSec: 20,
    });
    const { rows, totals } = runAll(doc);
    expect(totals.errorsByCause.dropped).toBeGreaterThan(400);
    expect(sumOver(rows, 0, 5, (r) => r.total.failed)).toBe(0);
    expect(sumOver(rows, 14, 20, (r) => r.total.failed)).toBe(0);
  });

  it('loss drops that share of requests, and added latency adds to each direction', () => {
    const doc = balanced({
      servers: 1,
      client: { ratePerSec: 1000 },
      server: { workers: 100, service: { type: 'const', valueMs: 1 } },
      scenario: [{ atSec: 0, action: 'degrade', target: 'C-->LB', loss: 0.1, addedLatencyMs: 20 }],
      durationSec: 20,
    });
    const { totals, rows } = runAll(doc);
    const sent = sumOver(rows, 0, 20, (r) => r.edges['C-->LB']?.requests ?? 0);
    const lost = sumOver(rows, 0, 20, (r) => r.edges['C-->LB']?.errors ?? 0);
    expect(Math.abs(lost / sent - 0.1)).toBeLessThan(0.01);
    // Lost requests are reported 3 s later, so those of the last 3 s are still in flight at the end.
    expect(totals.errorsByCause.dropped).toBeGreaterThan(lost * 0.8);
    expect(totals.latencyMs.mean).toBeCloseTo(41, 0);
  });
});

describe('load steps', () => {
  it('a load step changes the client’s rate from its time on', () => {
    const doc = balanced({
      client: { ratePerSec: 100 },
      server: { workers: 8 },
      scenario: [{ atSec: 10, action: 'load', target: 'C', ratePerSec: 500 }],
      durationSec: 30,
    });
    const { rows } = runAll(doc);
    expect(sumOver(rows, 0, 10, (r) => r.total.requests) / 10).toBeCloseTo(100, -1);
    expect(sumOver(rows, 10, 30, (r) => r.total.requests) / 20).toBeCloseTo(500, -1.3);
  });
});
