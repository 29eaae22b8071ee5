import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/analysis/report';
import { seriesCsv } from '../../src/analysis/series-csv';
import { chain, openClient, workerNode } from '../support/documents';

/**
 * The per-second CSV (`archplay simulate --csv`, the page's Metrics CSV): DESIGN.md §6's columns first
 * and in order, then wasted work, shedding and a cache's figures (README "Metastable failures"), each
 * column holding the engine's own per-second figure.
 */
const exp = (meanMs: number) => ({ type: 'exp', meanMs }) as const;

// Keyed requests through a small LRU cache to an API that sheds past 5 waiting and whose client gives up.
const doc = chain(
  [
    openClient(4000, { keys: { type: 'zipf', n: 1000, s: 1 }, timeoutMs: 20 }),
    workerNode('Cache', 'cache', 16, exp(0.2), { size: 100 }),
    workerNode('API', 'service', 1, exp(1), { shed: 5 }),
  ],
  { durationSec: 20, seed: 5 },
);

function parse(csv: string): { header: string[]; rows: number[][] } {
  const [head, ...lines] = csv.trimEnd().split('\n');
  return {
    header: (head ?? '').split(','),
    rows: lines.map((line) => line.split(',').map(Number)),
  };
}

describe('per-second CSV', () => {
  const report = runReport(doc, { detailedSeries: true });
  const { header, rows } = parse(seriesCsv(report));
  const column = (name: string) => {
    const i = header.indexOf(name);
    expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
    return rows.map((row) => row[i] as number);
  };

  it('keeps the contract columns first and in their order, and adds the new ones after them', () => {
    const nodes = ['C', 'Cache', 'API'];
    const contract = [
      ...['t', 'requests', 'attempts', 'ok', 'failed', 'error_rate', 'mean_ms', 'p50_ms', 'p95_ms', 'p99_ms'],
      ...nodes.flatMap((id) =>
        ['arrivals', 'completed', 'errors', 'utilization', 'queue'].map((c) => `${id}.${c}`),
      ),
    ];
    expect(header.slice(0, contract.length)).toEqual(contract);
    expect(header.slice(contract.length)).toEqual([
      'wasted',
      'C.wasted',
      'C.shed',
      'Cache.wasted',
      'Cache.shed',
      'Cache.hit_ratio',
      'Cache.cache_entries',
      'Cache.evictions',
      'API.wasted',
      'API.shed',
    ]);
    expect(rows).toHaveLength(20);
  });

  it('each added column is the second’s own figure, and the overload shows in them', () => {
    const series = report.series;
    expect(column('wasted')).toEqual(series.map((r) => r.wasted));
    expect(column('API.wasted')).toEqual(series.map((r) => r.nodes['API']?.wasted));
    expect(column('API.shed')).toEqual(series.map((r) => r.nodes['API']?.shed));
    expect(column('Cache.cache_entries')).toEqual(series.map((r) => r.nodes['Cache']?.cache_entries));
    expect(column('Cache.evictions')).toEqual(series.map((r) => r.nodes['Cache']?.evictions));
    for (const [i, ratio] of column('Cache.hit_ratio').entries())
      expect(ratio).toBeCloseTo(series[i]?.nodes['Cache']?.hit_ratio ?? NaN, 7);
    // 4000/s, of which the cache misses 1 − hit ratio (about 40%: LRU of 100 over zipf(1000, 1)) to one
    // worker of 1000/s that sheds past 5 waiting: the excess over 1000/s is shed (within 10%: a worker
    // with so short a queue idles now and then).
    const hit = report.nodes['Cache']?.hit_ratio ?? NaN;
    const excess = (4000 * (1 - hit) - 1000) * 20;
    const shed = column('API.shed').reduce((a, b) => a + b, 0);
    expect(Math.abs(shed - excess) / excess).toBeLessThan(0.1);
    expect(column('Cache.cache_entries').at(-1)).toBe(100);
    expect(column('Cache.evictions').reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(column('wasted').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(column('Cache.hit_ratio').every((r) => r > 0.5 && r < 0.69)).toBe(true);
  });

  it('shed and cache figures match the whole-run totals they add up to', () => {
    const shedSum = column('API.shed').reduce((a, b) => a + b, 0);
    const apiNode = report.nodes['API'];
    // The API's errors are all shed (no faults, an unbounded queue behind the shed threshold).
    expect(shedSum).toBe(apiNode?.errors);
    expect(column('API.wasted').reduce((a, b) => a + b, 0)).toBe(apiNode?.wasted);
  });

  it('a compact series (the analyses’ form) leaves the figures it does not hold empty, never 0', () => {
    const compact = runReport(doc);
    expect(compact.series[0]?.nodes['API']?.shed).toBeUndefined();
    const lines = seriesCsv(compact).trimEnd().split('\n');
    const i = (lines[0] ?? '').split(',').indexOf('API.shed');
    expect(lines.slice(1).every((line) => line.split(',')[i] === '')).toBe(true);
  });
});
