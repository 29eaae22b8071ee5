/**
 * The keyed-cache part of `npm run bench` (README "Keyed caches", "Speed"): requests per CPU second of a
 * client naming one of a million keys through an LRU cache of 10,000 entries to a database, uniform and
 * zipf-skewed, against the same topology without keys; and the memory a run keeps, which must follow the
 * cache's size, not the key space (a million keys and ten million give the same figure).
 */
import { execFileSync } from 'node:child_process';
import { DEFAULT_EDGE } from '../src/model/defaults';
import type { ArchDocument, KeySpace } from '../src/model/types';
import { createSimulation } from '../src/sim/engine';

const SLICE_EVENTS = 20_000;
const RATE = 20_000;
const CACHE_SIZE = 10_000;

function cacheTopology(keys: KeySpace | undefined, durationSec: number): ArchDocument {
  const exp = (meanMs: number) => ({ type: 'exp', meanMs }) as const;
  return {
    name: 'keyed cache',
    direction: 'LR',
    nodes: [
      {
        id: 'Client',
        label: 'Client',
        kind: 'client',
        params: {
          ratePerSec: RATE,
          arrival: 'poisson',
          timeoutMs: Infinity,
          retries: 0,
          ...(keys ? { keys } : {}),
        },
      },
      {
        id: 'Cache',
        label: 'Cache',
        kind: 'cache',
        params: { workers: 64, service: exp(0.05), queueCapacity: Infinity, size: CACHE_SIZE },
      },
      {
        id: 'DB',
        label: 'Database',
        kind: 'database',
        params: { workers: 64, service: exp(1), queueCapacity: Infinity },
      },
    ],
    edges: [
      { id: 'Client-->Cache', source: 'Client', target: 'Cache', params: DEFAULT_EDGE },
      { id: 'Cache-->DB', source: 'Cache', target: 'DB', params: DEFAULT_EDGE },
    ],
    groups: [],
    scenario: [],
    sim: { seed: 1, durationSec, warmupSec: 0 },
  };
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/** JavaScript heap and typed-array memory in use after a full collection. */
function memoryInUse(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const millions = (n: number) => `${(n / 1e6).toFixed(2)} M`;

interface CacheRun {
  readonly rate: number;
  readonly hitRatio: number;
  /** Memory the live simulation holds at its end, over what was in use before it was made. */
  readonly retained: number;
}

function run(keys: KeySpace | undefined, durationSec: number): CacheRun {
  const before = memoryInUse();
  const started = cpuSeconds();
  const sim = createSimulation(cacheTopology(keys, durationSec));
  while (!sim.done) {
    sim.advance(sim.durationSec, SLICE_EVENTS);
    sim.takeRows();
  }
  const seconds = cpuSeconds() - started;
  const requests = sim.totals().requests;
  const hitRatio = sim.nodeTotals()['Cache']?.hitRatio ?? 0;
  const retained = memoryInUse() - before;
  // Keep the simulation reachable until it is measured.
  if (sim.nowSec < 0) console.log(sim.nowSec);
  return { rate: requests / seconds, hitRatio, retained };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const CASES: readonly { name: string; keys: KeySpace | undefined }[] = [
  { name: 'no keys (the cache is a pass-through)', keys: undefined },
  { name: 'keys=1000000 (uniform)', keys: { type: 'uniform', n: 1_000_000 } },
  { name: 'keys=zipf(1000000,1)', keys: { type: 'zipf', n: 1_000_000, s: 1 } },
  { name: 'keys=zipf(10000000,1)', keys: { type: 'zipf', n: 10_000_000, s: 1 } },
];

/**
 * In a fresh process (`--keyed-cache-rss N`): the resident memory one run of case N adds, printed as
 * JSON. A process that ran other cases first would reuse their freed pages and show no growth.
 */
export function keyedCacheRss(caseIndex: number): void {
  const rssBefore = process.memoryUsage().rss;
  run(CASES[caseIndex]?.keys, 50);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ growth: process.memoryUsage().rss - rssBefore, peak }));
}

function rssInFreshProcess(caseIndex: number): { growth: number; peak: number } {
  const script = process.argv[1] as string;
  const out = execFileSync(process.execPath, ['--expose-gc', script, '--keyed-cache-rss', String(caseIndex)]);
  return JSON.parse(out.toString()) as { growth: number; peak: number };
}

/** Prints the keyed-cache figures (`runs` timed runs of each case, 50 simulated seconds = 1 M requests). */
export function benchKeyedCaches(runs = 3): void {
  for (const { keys } of CASES) run(keys, 5); // warm up each shape
  console.log(
    `keyed cache (Client ${RATE / 1000}k req/s → LRU cache size=${CACHE_SIZE} → DB), 1 M requests per run:`,
  );
  CASES.forEach(({ name, keys }, i) => {
    const results = Array.from({ length: runs }, () => run(keys, 50));
    const last = results.at(-1) as CacheRun;
    const rss = rssInFreshProcess(i);
    console.log(
      `  ${name.padEnd(40)} ${millions(median(results.map((r) => r.rate)))} requests/s, hit ratio ${(last.hitRatio * 100).toFixed(1)}%, kept by the run: heap + typed arrays +${mib(median(results.map((r) => r.retained)))}, RSS of a fresh process +${mib(rss.growth)} (peak ${mib(rss.peak)})`,
    );
  });
}
