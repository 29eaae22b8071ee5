import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, bucketValue, HistogramSet } from '../src/sim/histogram';

describe('latency histograms', () => {
  it('summaryQuantiles gives exactly the three quantiles read one by one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-4, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 400 }),
        (values) => {
          const set = new HistogramSet(2);
          for (const value of values) set.record(1, value);
          expect(set.summaryQuantiles(1)).toEqual({
            p50: set.quantile(1, 0.5),
            p95: set.quantile(1, 0.95),
            p99: set.quantile(1, 0.99),
          });
        },
      ),
      { numRuns: 200, seed: 15 },
    );
  });

  it('a quantile is the midpoint of the bucket holding its rank, within 0.8% of the value', () => {
    const set = new HistogramSet(1);
    for (let i = 1; i <= 100; i++) set.record(0, i);
    expect(set.quantile(0, 0.5)).toBe(bucketValue(bucketOf(50)));
    expect(Math.abs(set.quantile(0, 0.99) - 99) / 99).toBeLessThan(0.008);
  });
});
