import { describe, expect, test } from 'vitest';
import { liveResultsOf } from '../../src/analysis/expectation-check';
import { runReport } from '../../src/analysis/report';
import { parseExpectation } from '../../src/model/expectation-text';
import type { Expectation } from '../../src/model/expectation-types';
import { balanced } from '../support/documents';

const parsed = (text: string): Expectation => {
  const r = parseExpectation(text);
  if (!r.ok) throw new Error(r.error);
  return r.expectation;
};

describe('expectations on the live run', () => {
  const doc = balanced({ servers: 2, client: { ratePerSec: 100 }, durationSec: 20, seed: 9 });

  test('before the first second nothing is judged; after, values are the report’s', () => {
    const e = [parsed('writes_lost == 0'), parsed('availability >= 99%')];
    expect(liveResultsOf(e, null).map((r) => r.status)).toEqual(['unmeasured', 'unmeasured']);
    const report = runReport(doc);
    const results = liveResultsOf(e, report);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(results[1]?.measured).toBe(report.totals.availability);
  });

  test('sweeps, bounds and window latencies say where they are checked instead of guessing', () => {
    const report = runReport(doc);
    const results = liveResultsOf(
      [
        parsed('sweep availability >= 99%'),
        parsed('availability >= 99% at 95%'),
        parsed('p99 <= 1s during 5s..10s'),
      ],
      report,
    );
    expect(results.every((r) => r.status === 'unmeasured')).toBe(true);
    expect(results.map((r) => r.summary)).toEqual([
      'every single failure: checked by Run 30 seeds (Insight) and archplay test',
      'a 95% bound: checked by Run 30 seeds (Insight) and archplay test',
      'latency over a window: checked by Run 30 seeds (Insight) and archplay test',
    ]);
  });
});
