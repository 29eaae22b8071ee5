import { describe, expect, it } from 'vitest';
import type { CacheParams, KeySpace } from '../src/model/types';
import { createSimulation } from '../src/sim/engine';
import { KeySampler } from '../src/sim/keys';
import { RandomStream } from '../src/sim/random';
import type { SecondRow } from '../src/sim/results';
import { chain, openClient, workerNode } from './support/documents';
import { runAll, sumOver } from './support/run';

/**
 * Keyed caches against first principles (README "Keyed caches"). With the independent reference model
 * (each request names a key drawn afresh), any cache holding S of N uniform keys hits with probability
 * S/N; with TTL T and per-key rate λ (infinite size) each key cycles through one miss and then λT hits on
 * average before it expires: hit ratio λT/(1+λT). The miss path is made fast so entries fill at once.
 */
const FAST = { type: 'const', valueMs: 0.01 } as const;

function cacheRun(
  keys: KeySpace,
  cache: Partial<CacheParams>,
  options: { rate?: number; durationSec?: number } = {},
) {
  return runAll(
    chain(
      [
        openClient(options.rate ?? 2000, { keys }),
        workerNode('Cache', 'cache', 64, FAST, cache),
        workerNode('DB', 'database', 64, FAST),
      ],
      { durationSec: options.durationSec ?? 30, seed: 5 },
    ),
  );
}

function hitRatioOver(rows: readonly SecondRow[], fromSec: number, toSec: number): number {
  const hits = sumOver(rows, fromSec, toSec, (row) => row.nodes['Cache']?.cacheHits ?? 0);
  const misses = sumOver(rows, fromSec, toSec, (row) => row.nodes['Cache']?.cacheMisses ?? 0);
  return hits / (hits + misses);
}

describe('key sampling', () => {
  it('uniform keys cover 0..N-1 evenly', () => {
    const sampler = new KeySampler({ type: 'uniform', n: 10 });
    const rng = new RandomStream(1, 'keys');
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[sampler.sample(rng)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it.each([
    { n: 100, s: 1 },
    { n: 1000, s: 0.8 },
    { n: 1_000_000, s: 1.2 },
  ])('zipf(N=$n, s=$s) gives key k the share (k+1)^-s / H(N,s)', ({ n, s }) => {
    const sampler = new KeySampler({ type: 'zipf', n, s });
    const rng = new RandomStream(2, 'keys');
    let harmonic = 0;
    for (let k = 1; k <= n; k++) harmonic += k ** -s;
    const draws = 200_000;
    const counts = new Map<number, number>();
    let outside = 0;
    for (let i = 0; i < draws; i++) {
      const key = sampler.sample(rng);
      if (!(key >= 0 && key < n && Number.isInteger(key))) outside++;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(outside).toBe(0);
    for (const k of [0, 1, 9]) {
      const expected = (k + 1) ** -s / harmonic;
      const observed = (counts.get(k) ?? 0) / draws;
      // Binomial standard error, four of them.
      expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / draws));
    }
  });
});

describe('LRU and FIFO caches with uniform keys', () => {
  it('size ≥ keys and no TTL: every key misses once, then the hit ratio is 1', () => {
    const { rows, nodes } = cacheRun({ type: 'uniform', n: 500 }, { size: 500 });
    expect(hitRatioOver(rows, 10, 30)).toBe(1);
    const misses = sumOver(rows, 0, 30, (row) => row.nodes['Cache']?.cacheMisses ?? 0);
    expect(misses).toBeGreaterThanOrEqual(500);
    expect(misses).toBeLessThan(510); // a few misses for one key may race to the database
    expect(nodes['DB']?.arrivals).toBe(misses);
    expect(rows.at(-1)?.nodes['Cache']?.cacheEntries).toBe(500);
  });

  it.each(['lru', 'fifo'] as const)('%s with size S < N keys hits ≈ S/N', (evict) => {
    const { rows, nodes } = cacheRun({ type: 'uniform', n: 1000 }, { size: 250, evict });
    expect(Math.abs(hitRatioOver(rows, 5, 30) - 0.25)).toBeLessThan(0.01);
    expect(rows.at(-1)?.nodes['Cache']?.cacheEntries).toBe(250);
    expect(nodes['Cache']?.evictions).toBeGreaterThan(10_000);
  });

  it('LRU beats FIFO on skewed (zipf) keys, and both beat S/N', () => {
    const keys: KeySpace = { type: 'zipf', n: 1000, s: 1 };
    const lru = hitRatioOver(cacheRun(keys, { size: 100, evict: 'lru' }).rows, 5, 30);
    const fifo = hitRatioOver(cacheRun(keys, { size: 100, evict: 'fifo' }).rows, 5, 30);
    expect(fifo).toBeGreaterThan(0.3);
    expect(lru).toBeGreaterThan(fifo);
  });
});

describe('TTL', () => {
  it.each([
    { ttlMs: 100, keys: 200 },
    { ttlMs: 500, keys: 2000 },
  ])('TTL $ttlMs ms over $keys keys at 2000/s hits ≈ λT/(1+λT)', ({ ttlMs, keys }) => {
    const { rows } = cacheRun({ type: 'uniform', n: keys }, { ttlMs }, { durationSec: 40 });
    const lambdaT = (2000 / keys) * (ttlMs / 1000);
    const expected = lambdaT / (1 + lambdaT);
    expect(Math.abs(hitRatioOver(rows, 5, 40) - expected)).toBeLessThan(0.01);
  });
});

describe('probabilistic hits, flush and memory', () => {
  it('hit=90% without keys sends a tenth of the traffic downstream', () => {
    const doc = chain(
      [
        openClient(1000),
        workerNode('Cache', 'cache', 64, FAST, { hitRatio: 0.9 }),
        workerNode('DB', 'database', 64, FAST),
      ],
      { durationSec: 30 },
    );
    const { nodes } = runAll(doc);
    const share = (nodes['DB']?.arrivals ?? 0) / (nodes['Cache']?.arrivals ?? 1);
    expect(Math.abs(share - 0.1)).toBeLessThan(0.01);
    expect(Math.abs((nodes['Cache']?.hitRatio ?? 0) - 0.9)).toBeLessThan(0.01);
  });

  it('a flush empties the cache: every key misses again, then the cache refills', () => {
    const doc = chain(
      [
        openClient(2000, { keys: { type: 'uniform', n: 300 } }),
        workerNode('Cache', 'cache', 64, FAST),
        workerNode('DB', 'database', 64, FAST),
      ],
      { durationSec: 20, scenario: [{ atSec: 10, action: 'flush', target: 'Cache' }] },
    );
    const { rows, events } = runAll(doc);
    expect(events.some((e) => e.type === 'flush' && e.target === 'Cache')).toBe(true);
    expect(rows.find((row) => row.t === 9)?.nodes['Cache']?.cacheMisses).toBe(0);
    const refill = sumOver(rows, 10, 20, (row) => row.nodes['Cache']?.cacheMisses ?? 0);
    expect(refill).toBeGreaterThanOrEqual(300);
    expect(refill).toBeLessThan(310);
    expect(rows.at(-1)?.nodes['Cache']?.cacheEntries).toBe(300);
  });

  it('a cache crash loses its entries too', () => {
    const doc = chain(
      [
        openClient(1000, { keys: { type: 'uniform', n: 100 } }),
        workerNode('Cache', 'cache', 64, FAST),
        workerNode('DB', 'database', 64, FAST),
      ],
      {
        durationSec: 12,
        scenario: [
          { atSec: 5, action: 'fail', target: 'Cache' },
          { atSec: 6, action: 'recover', target: 'Cache' },
        ],
      },
    );
    const { rows } = runAll(doc);
    expect(rows.find((row) => row.t === 5)?.nodes['Cache']?.cacheEntries).toBe(0);
    expect(sumOver(rows, 6, 12, (row) => row.nodes['Cache']?.cacheMisses ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('memory follows the entries held, not the key space: a million keys or ten million, the same bytes', () => {
    const bytesWith = (n: number) => {
      const doc = chain(
        [
          openClient(5000, { keys: { type: 'zipf', n, s: 1 } }),
          workerNode('Cache', 'cache', 64, FAST, { size: 10_000 }),
          workerNode('DB', 'database', 64, FAST),
        ],
        { durationSec: 10 },
      );
      const sim = createSimulation(doc);
      sim.advance(10);
      expect(sim.nodeTotals()['Cache']?.hitRatio).toBeGreaterThan(0.3);
      expect(sim.takeRows().at(-1)?.nodes['Cache']?.cacheEntries).toBe(10_000);
      return (sim as unknown as { caches: { bytes: number } }).caches.bytes;
    };
    const million = bytesWith(1_000_000);
    // 20 bytes per entry, and at most 4 places of 8 bytes per entry in the key index (it starts at 16 KiB).
    expect(million).toBeLessThanOrEqual(52 * 10_000 + 16_384);
    expect(bytesWith(10_000_000)).toBe(million);
  });

  it('a session store (a cache without keys or hit) still answers every request itself', () => {
    const doc = chain(
      [openClient(500), workerNode('Cache', 'cache', 8, FAST), workerNode('DB', 'database', 8, FAST)],
      {
        durationSec: 10,
      },
    );
    const { nodes, rows } = runAll(doc);
    expect(nodes['DB']?.arrivals).toBe(nodes['Cache']?.arrivals);
    expect(rows[0]?.nodes['Cache']?.hitRatio).toBeUndefined();
  });
});
