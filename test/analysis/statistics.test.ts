import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  confidenceInterval,
  pairedDifference,
  studentTCdf,
  studentTQuantile,
  welchDifference,
} from '../../src/analysis/statistics';
import { replicationSeeds, runReplications } from '../../src/analysis/replications';
import { clientToService } from '../support/documents';

describe('Student t', () => {
  // Two-sided 95% critical values from published tables.
  test.each([
    [1, 12.7062],
    [2, 4.3027],
    [4, 2.7764],
    [9, 2.2622],
    [29, 2.0452],
    [120, 1.9799],
    [1e6, 1.96],
  ])('the 97.5%% quantile with %d degrees of freedom is %f', (df, value) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(value, 3);
  });

  test('quantile and distribution function are inverses, and symmetric', () => {
    for (const df of [1, 3.5, 10, 50])
      for (const p of [0.01, 0.2, 0.5, 0.9, 0.995]) {
        expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-studentTQuantile(p, df), 9);
      }
  });

  test('refuses levels outside (0, 1)', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('confidence interval', () => {
  test('mean ± t·s/√n of a known sample', () => {
    const interval = confidenceInterval([10, 12, 9, 11, 13]);
    expect(interval.mean).toBe(11);
    expect(interval.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(interval.halfWidth).toBeCloseTo(2.7764 * Math.sqrt(2.5 / 5), 3);
    expect(interval.low).toBeCloseTo(11 - interval.halfWidth, 12);
  });

  test('one value has no width; equal values neither', () => {
    expect(confidenceInterval([3])).toMatchObject({ mean: 3, low: 3, high: 3, n: 1 });
    expect(confidenceInterval([0, 0, 0])).toMatchObject({ low: 0, high: 0 });
  });

  test('covers the true M/M/1 mean response time in about 95% of 200 repeated experiments', () => {
    // λ = 50/s, μ = 100/s: W = 1/(μ − λ) = 20 ms. Each experiment: 5 replications of 40 s (≈ 2,000
    // requests each, after 2 s of warm-up), a 95% interval on the mean latency.
    const trueMeanMs = 20;
    const bases = fc.sample(fc.integer({ min: 0, max: 0xffffffff }), { seed: 1717, numRuns: 200 });
    let covered = 0;
    for (const base of bases) {
      const doc = clientToService({
        ratePerSec: 50,
        workers: 1,
        service: { type: 'exp', meanMs: 10 },
        durationSec: 40,
        seed: base,
      });
      const samples = runReplications({ ...doc, sim: { ...doc.sim, warmupSec: 2 } }, 5);
      const interval = confidenceInterval(samples.map((s) => s.totals['mean'] as number));
      if (interval.low <= trueMeanMs && trueMeanMs <= interval.high) covered++;
    }
    // Binomial(200, 0.95): mean 190, sd 3.1; three standard deviations either side.
    expect(covered).toBeGreaterThanOrEqual(181);
    expect(covered).toBeLessThanOrEqual(199);
  });
});

describe('comparing two designs', () => {
  test('paired differences of identical shifts are significant; of noise, not', () => {
    const a = [1, 5, 2, 8, 3];
    expect(
      pairedDifference(
        a,
        a.map((x) => x + 0.5),
      ).significant,
    ).toBe(true);
    expect(pairedDifference(a, [1.1, 4.8, 2.2, 7.9, 3.05]).significant).toBe(false);
    expect(
      welchDifference(
        a,
        a.map((x) => x + 0.5),
      ).significant,
    ).toBe(false);
  });

  test('paired seeds detect a 5% latency difference that unpaired runs miss', () => {
    // λ = 50/s; A serves in exp(10 ms), W = 20 ms; B in exp(10.2439 ms), W = 21 ms: 5% slower.
    const design = (meanMs: number) => {
      const doc = clientToService({
        ratePerSec: 50,
        workers: 1,
        service: { type: 'exp', meanMs },
        durationSec: 20,
        seed: 4242,
      });
      return { ...doc, sim: { ...doc.sim, warmupSec: 2 } };
    };
    const latency = (samples: ReturnType<typeof runReplications>) =>
      samples.map((s) => s.totals['mean'] as number);
    const a = latency(runReplications(design(10), 10));
    const bPaired = latency(runReplications(design(21 / 2.05), 10));
    const other = design(21 / 2.05);
    const bUnpaired = latency(runReplications({ ...other, sim: { ...other.sim, seed: 777 } }, 10));
    expect(replicationSeeds(777, 10)).not.toContain(4242);

    const paired = pairedDifference(a, bPaired);
    const unpaired = welchDifference(a, bUnpaired);
    expect(paired.significant).toBe(true);
    expect(paired.low).toBeGreaterThan(0);
    expect(paired.difference / (a.reduce((s, v) => s + v, 0) / a.length)).toBeGreaterThan(0.02);
    expect(unpaired.significant).toBe(false);
    expect(unpaired.low).toBeLessThan(0);
  });
});
