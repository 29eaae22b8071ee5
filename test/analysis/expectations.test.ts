import { describe, expect, test } from 'vitest';
import { checkExpectations, judgeValues } from '../../src/analysis/expectation-check';
import { measure } from '../../src/analysis/expectations';
import { runReport } from '../../src/analysis/report';
import { formatExpectation, parseExpectation } from '../../src/model/expectation-text';
import type { Expectation } from '../../src/model/expectation-types';
import { parseMermaid, toMermaid } from '../../src/mermaid';
import { balanced } from '../support/documents';

const parsed = (text: string): Expectation => {
  const result = parseExpectation(text);
  if (!result.ok) throw new Error(result.error);
  return result.expectation;
};

describe('the text form', () => {
  test.each([
    ['availability >= 99.9%', { metric: 'availability', op: '>=', value: 0.999 }],
    ['p99 <= 250ms', { metric: 'p99', op: '<=', value: 250 }],
    ['writes_lost == 0', { metric: 'writes_lost', op: '==', value: 0 }],
    ['sessions_lost <= 10', { metric: 'sessions_lost', op: '<=', value: 10 }],
    [
      'p99<=1.5s during 60s..120s',
      { metric: 'p99', op: '<=', value: 1500, window: { fromSec: 60, toSec: 120 } },
    ],
    ['S1.utilization < 80%', { metric: 'utilization', op: '<', value: 0.8, target: 'S1' }],
    ['sweep availability >= 99%', { metric: 'availability', op: '>=', value: 0.99, sweep: true }],
    ['availability >= 99.9% at 95%', { metric: 'availability', op: '>=', value: 0.999, confidence: 0.95 }],
    ['throughput > 390/s', { metric: 'throughput', op: '>', value: 390 }],
  ])('%s', (text, expected) => {
    const e = parsed(text);
    expect(e).toEqual({ ...expected, value: expect.closeTo(expected.value, 12) });
    expect(parsed(formatExpectation(e))).toEqual(e);
  });

  test.each([
    ['availabilty >= 99%', 0, /unknown metric "availabilty"/],
    ['S1.requests > 3', 3, /unknown metric of a node \(S1\) "requests"/],
    ['p99 250ms', 4, /expected a comparison/],
    ['p99 <= fast', 7, /p99: "fast" is not a duration/],
    ['availability >= 120%', 16, /between 0 and 1/],
    ['p99 <= 250ms during 120s..60s', 20, /end after it starts/],
    ['in_flight == 0 during 1s..2s', 15, /whole-run figure/],
    ['availability >= 99% at 100%', 23, /confidence level/],
    ['availability >= 99% because', 20, /unexpected "because"/],
  ])('%s is refused at offset %d', (text, offset, message) => {
    const result = parseExpectation(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    expect(result.offset).toBe(offset);
  });
});

describe('%% @expect in Mermaid', () => {
  const base = 'flowchart LR\n  C[Client] --> S1[Server]\n%% @C kind=client rate=100/s\n';

  test('reads each line, exports it back the same', async () => {
    const text = `${base}%% @expect availability >= 99.9%\n%% @expect S1.utilization < 80% during 10s..20s\n%% @expect sweep p99 <= 250ms at 95%\n`;
    const result = await parseMermaid(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.document.expectations).toHaveLength(3);
    const exported = toMermaid(result.document);
    expect(exported).toContain('%% @expect S1.utilization < 80% during 10s..20s');
    const again = await parseMermaid(exported);
    expect(again.ok && again.document.expectations).toEqual(result.document.expectations);
  });

  test('a bad expectation is an error at its line and the word at fault', async () => {
    const result = await parseMermaid(`${base}%% @expect p99 <= soon\n`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({
      line: 4,
      column: 19,
      message: expect.stringMatching(/p99: "soon"/),
    });
  });

  test('a node that does not exist is an error at the expectation', async () => {
    const result = await parseMermaid(`${base}\n%% @expect S9.utilization < 80%\n`);
    expect(!result.ok && result.errors[0]).toMatchObject({
      line: 5,
      column: 12,
      message: expect.stringMatching(/expectations\.0\.target: node "S9" does not exist/),
    });
  });

  test('a node called expect keeps its parameters', async () => {
    const result = await parseMermaid('flowchart LR\n  C[Client] --> expect\n%% @expect workers=3\n');
    expect(result.ok && result.document.nodes.find((n) => n.id === 'expect')?.params).toMatchObject({
      workers: 3,
    });
    expect(result.ok && result.document.expectations).toBeUndefined();
  });
});

describe('measuring', () => {
  const doc = balanced({
    servers: 2,
    client: { ratePerSec: 200 },
    scenario: [{ atSec: 20, action: 'fail', target: 'S1' }],
    durationSec: 40,
    seed: 3,
  });

  test('totals, windows and nodes agree with the report they come from', () => {
    const windows = [
      { fromSec: 0, toSec: 20 },
      { fromSec: 20, toSec: 40 },
    ];
    const report = runReport(doc, { latencyWindows: windows });
    const value = (text: string) => {
      const m = measure(report, parsed(text));
      if (!('value' in m)) throw new Error(m.missing);
      return m.value;
    };
    expect(value('availability >= 0')).toBe(report.totals.availability);
    expect(value('p99 <= 1ms')).toBe(report.totals.latency_ms.p99);
    expect(value('failed >= 0')).toBe(report.totals.failed);
    expect(value('wasted >= 0')).toBe(report.totals.wasted);
    expect(value('wasted >= 0 during 0s..40s')).toBe(report.series.reduce((sum, row) => sum + row.wasted, 0));
    expect(value('timeout_errors >= 0')).toBe(report.totals.errors_by_cause['timeout']);
    // Before the failure nothing fails; after it the detection window costs errors.
    expect(value('availability >= 0 during 0s..20s')).toBe(1);
    expect(value('failed >= 0 during 20s..40s')).toBe(report.totals.failed);
    expect(value('S1.utilization < 1')).toBe(report.nodes['S1']?.utilization);
    expect(value('S2.utilization < 1 during 20s..40s')).toBeGreaterThan(
      value('S2.utilization < 1 during 0s..20s'),
    );
    expect(value('p99 <= 1ms during 0s..20s')).toBe(report.windows?.[0]?.latency_ms.p99);
  });

  test('a window latency without kept windows is not measured, never guessed', () => {
    const report = runReport(doc);
    expect(measure(report, parsed('p99 <= 1ms during 0s..20s'))).toHaveProperty('missing');
  });

  test('one run is judged on its value; replications on the mean, or the bound with at', () => {
    const e = parsed('availability >= 90%');
    expect(judgeValues(e, [0.95]).status).toBe('pass');
    expect(judgeValues(e, [0.85]).status).toBe('fail');
    expect(judgeValues(e, [0.8, 1.0]).status).toBe('pass');
    const bound = parsed('availability >= 90% at 95%');
    expect(judgeValues(bound, [0.95]).status).toBe('unmeasured');
    expect(judgeValues(bound, [0.8, 1.0]).status).toBe('fail');
    expect(judgeValues(bound, [0.95, 0.951, 0.949]).status).toBe('pass');
  });

  test('checking a document: a whole-run promise, a window and a sweep over every single failure', () => {
    const withExpectations = {
      ...doc,
      expectations: [
        parsed('availability >= 99.9% during 0s..20s'),
        parsed('availability >= 99.9%'),
        parsed('sweep availability >= 50%'),
        parsed('writes_lost == 0'),
      ],
    };
    const report = checkExpectations(withExpectations, { replications: 3 });
    // Losing the only load balancer at 13 s of 40 s loses two thirds of the run: the sweep fails there,
    // while losing one of two servers costs only the detection window.
    expect(report.results.map((r) => r.status)).toEqual(['pass', 'fail', 'fail', 'pass']);
    expect(report.passed).toBe(false);
    const sweep = report.results[2];
    expect(sweep?.where).toMatch(/^worst: LB failed at 13 s \(3 scenarios\)/);
    expect(sweep?.measured).toBeLessThan(0.5);
    expect(sweep?.cases?.[0]).toMatchObject({ target: 'LB', status: 'fail' });
    expect(
      sweep?.cases
        ?.slice(1)
        .map((c) => [c.target, c.status])
        .sort(),
    ).toEqual([
      ['S1', 'pass'],
      ['S2', 'pass'],
    ]);
    expect(sweep?.runs).toBe(3);
  });
});
