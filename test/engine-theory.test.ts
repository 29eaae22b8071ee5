import { describe, expect, it } from 'vitest';
import { createSimulation } from '../src/sim/engine';
import { clientToService } from './support/documents';
import { erlangC, mmcMeanResponse, mmcResponseQuantile } from './support/queueing-theory';

/**
 * The engine against queueing theory: a Poisson client feeding one service with exponential service times
 * is M/M/c. Tolerances follow docs/ENGINE-NOTES.md: with at least a million requests, the mean response time
 * within 2% and p95 within 3%. Seeds are pinned; the statistics are not property-tested over random seeds.
 */
const SERVICE_MEAN_MS = 1;

function runMmc(workers: number, rho: number, requests: number, seed: number) {
  const ratePerSec = (rho * workers * 1000) / SERVICE_MEAN_MS;
  const doc = clientToService({
    ratePerSec,
    workers,
    service: { type: 'exp', meanMs: SERVICE_MEAN_MS },
    durationSec: Math.ceil(requests / ratePerSec),
    seed,
  });
  const sim = createSimulation(doc);
  while (!sim.done) {
    sim.advance(sim.durationSec, 200_000);
    sim.takeRows();
  }
  return sim.totals();
}

describe('M/M/c against theory', () => {
  const cases = [
    { workers: 1, rho: 0.5 },
    { workers: 1, rho: 0.8 },
    { workers: 1, rho: 0.9 },
    { workers: 4, rho: 0.5 },
    { workers: 4, rho: 0.8 },
    { workers: 4, rho: 0.9 },
  ];
  it.each(cases)('c = $workers, ρ = $rho: mean within 2%, p95 within 3%', ({ workers, rho }) => {
    const mu = 1 / SERVICE_MEAN_MS;
    const lambda = rho * workers * mu;
    const totals = runMmc(workers, rho, 1_500_000, 7);
    const mean = mmcMeanResponse(lambda, mu, workers);
    const p95 = mmcResponseQuantile(lambda, mu, workers, 0.95);
    expect(totals.requests).toBeGreaterThanOrEqual(1_000_000);
    expect(Math.abs(totals.latencyMs.mean - mean) / mean).toBeLessThan(0.02);
    expect(Math.abs(totals.latencyMs.p95 - p95) / p95).toBeLessThan(0.03);
  });

  it('the oracle itself matches the published M/M/4 ρ = 0.9 values', () => {
    // docs/ENGINE-NOTES.md: P(wait) 0.788, W 2.969, p95 8.166, p99 12.193 (in mean service times).
    expect(erlangC(4, 3.6)).toBeCloseTo(0.788, 3);
    expect(mmcMeanResponse(3.6, 1, 4)).toBeCloseTo(2.969, 3);
    expect(mmcResponseQuantile(3.6, 1, 4, 0.95)).toBeCloseTo(8.166, 2);
    expect(mmcResponseQuantile(3.6, 1, 4, 0.99)).toBeCloseTo(12.193, 2);
  });
});

describe('utilization and queue length', () => {
  it('a node busy on average ρ·c workers reports utilization ρ', () => {
    const sim = createSimulation(
      clientToService({
        ratePerSec: 2400,
        workers: 4,
        service: { type: 'exp', meanMs: 1 },
        durationSec: 200,
        seed: 3,
      }),
    );
    sim.advance(200);
    const node = sim.nodeTotals()['Service'];
    expect(node?.utilization).toBeCloseTo(0.6, 2);
    // Little's law on the queue: Lq = λ · Wq.
    const lq = 2.4 * (mmcMeanResponse(2.4, 1, 4) - 1);
    expect(Math.abs((node?.meanQueue ?? 0) - lq) / lq).toBeLessThan(0.05);
  });
});

describe('warm-up', () => {
  it('excludes the first seconds from latency figures but keeps every request counted', () => {
    // A server that is slow for the first 10 s only: with a 10 s warm-up the run's latency is the fast one.
    const doc = clientToService({
      ratePerSec: 100,
      workers: 50,
      service: { type: 'const', valueMs: 5 },
      durationSec: 30,
      seed: 2,
    });
    const slowStart = {
      ...doc,
      scenario: [
        { atSec: 0, action: 'degrade' as const, target: 'Service', factor: 10 },
        { atSec: 10, action: 'recover' as const, target: 'Service' },
      ],
    };
    const withWarmup = createSimulation({ ...slowStart, sim: { ...slowStart.sim, warmupSec: 10 } });
    withWarmup.advance(30);
    const without = createSimulation(slowStart);
    without.advance(30);
    // Only the handful of slow requests still in flight at 10 s finish after the warm-up.
    expect(withWarmup.totals().latencyMs.mean).toBeGreaterThanOrEqual(5);
    expect(withWarmup.totals().latencyMs.mean).toBeLessThan(5.5);
    expect(withWarmup.totals().latencyMs.p50).toBeCloseTo(5, 1);
    expect(without.totals().latencyMs.mean).toBeGreaterThan(15);
    expect(withWarmup.totals().requests).toBe(without.totals().requests);
  });
});
