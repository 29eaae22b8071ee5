/**
 * Replications (README.md, "Replications"): one document run with N seeds, each run reduced to a small
 * {@link RunSample} (so workers can send it back cheaply), and the samples summarised as mean ± 95%
 * confidence interval for every total and, per second, for the charts' bands.
 */
import { EXPECT_METRICS, type Expectation } from '../model/expectation-types';
import type { ArchDocument } from '../model/types';
import { latencyWindowsOf, measure } from './expectations';
import { runReport, type RunOptions, type RunReport } from './report';
import { confidenceInterval, pairedDifference, type Difference, type Interval } from './statistics';

/** The totals every replication summary gives: each whole-run total an expectation can name. */
export const SUMMARY_TOTALS: readonly string[] = EXPECT_METRICS.filter((m) => m.scopes.includes('total')).map(
  (m) => m.name,
);

/** What the charts show per second, with a band over replications. */
export const SERIES_FIGURES = ['throughput', 'p99', 'error_rate'] as const;
export type SeriesFigure = (typeof SERIES_FIGURES)[number];

/**
 * The seeds of N replications: the first is the document's own seed (so replication 1 is the run the
 * page shows), the others spread over the 32-bit range by the golden-ratio step.
 */
export function replicationSeeds(baseSeed: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (baseSeed + Math.imul(i, 0x9e3779b9)) >>> 0);
}

/** One run reduced to what a summary needs. */
export interface RunSample {
  readonly seed: number;
  /** {@link SUMMARY_TOTALS} by name. */
  readonly totals: Readonly<Record<string, number>>;
  /** The measure of each expectation asked for, in order (null: not measurable in this run). */
  readonly measures: readonly (number | null)[];
  /** Per second: throughput (ok/s), p99 in ms, error rate. */
  readonly series: readonly { readonly t: number; readonly values: readonly number[] }[];
}

/** Reduces a report to a sample, measuring `expectations` on it. */
export function sampleOf(report: RunReport, expectations: readonly Expectation[] = []): RunSample {
  const totals: Record<string, number> = {};
  for (const name of SUMMARY_TOTALS) {
    const m = measure(report, { metric: name, op: '>=', value: 0 });
    if ('value' in m) totals[name] = m.value;
  }
  return {
    seed: report.seed,
    totals,
    measures: expectations.map((e) => {
      const m = measure(report, e);
      return 'value' in m ? m.value : null;
    }),
    series: report.series.map((row) => ({
      t: row.t,
      values: [row.ok, row.latency_ms.p99, row.error_rate],
    })),
  };
}

/** Runs `doc` with `seed` and samples it (the unit of work of the CLI and of the page's workers). */
export function runSample(
  doc: ArchDocument,
  seed: number,
  expectations: readonly Expectation[] = [],
  options: Omit<RunOptions, 'seed' | 'latencyWindows'> = {},
): RunSample {
  const windows = latencyWindowsOf(expectations);
  const report = runReport(doc, {
    ...options,
    seed,
    ...(windows.length > 0 ? { latencyWindows: windows } : {}),
  });
  return sampleOf(report, expectations);
}

/** A band point: mean and interval bounds. */
export interface BandPoint {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

export interface ReplicationSummary {
  readonly runs: number;
  readonly seeds: readonly number[];
  readonly level: number;
  /** Each of {@link SUMMARY_TOTALS} as mean ± interval. */
  readonly totals: Readonly<Record<string, Interval>>;
  /** Per second (over the seconds every run reached), each {@link SERIES_FIGURES} as a band. */
  readonly series: readonly {
    readonly t: number;
    readonly figures: Readonly<Record<SeriesFigure, BandPoint>>;
  }[];
}

/** Summarises samples of the same document: every total as mean ± `level` confidence interval. */
export function summarize(samples: readonly RunSample[], level = 0.95): ReplicationSummary {
  if (samples.length === 0) throw new RangeError('a summary needs at least one run');
  const totals: Record<string, Interval> = {};
  for (const name of SUMMARY_TOTALS) {
    const values = samples.map((s) => s.totals[name]).filter((v): v is number => v !== undefined);
    if (values.length === samples.length) totals[name] = confidenceInterval(values, level);
  }
  const seconds = Math.min(...samples.map((s) => s.series.length));
  const series = Array.from({ length: seconds }, (_, i) => {
    const figures = Object.fromEntries(
      SERIES_FIGURES.map((figure, f) => {
        const interval = confidenceInterval(
          samples.map((s) => s.series[i]?.values[f] ?? 0),
          level,
        );
        return [figure, { mean: interval.mean, low: interval.low, high: interval.high }];
      }),
    ) as Record<SeriesFigure, BandPoint>;
    return { t: samples[0]?.series[i]?.t ?? i, figures };
  });
  return { runs: samples.length, seeds: samples.map((s) => s.seed), level, totals, series };
}

/** Runs `count` replications of `doc` one after another (the CLI; the page spreads them over workers). */
export function runReplications(
  doc: ArchDocument,
  count: number,
  options: Omit<RunOptions, 'seed' | 'latencyWindows'> & {
    readonly expectations?: readonly Expectation[];
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): RunSample[] {
  const { expectations = [], onProgress, ...run } = options;
  return replicationSeeds(doc.sim.seed, count).map((seed, i) => {
    const sample = runSample(doc, seed, expectations, run);
    onProgress?.(i + 1, count);
    return sample;
  });
}

/** B against A over paired replications, for each total both have. */
export function pairedTotals(
  a: readonly RunSample[],
  b: readonly RunSample[],
  level = 0.95,
): Readonly<Record<string, Difference>> {
  const out: Record<string, Difference> = {};
  for (const name of SUMMARY_TOTALS) {
    const va = a.map((s) => s.totals[name]);
    const vb = b.map((s) => s.totals[name]);
    if (va.every((v) => v !== undefined) && vb.every((v) => v !== undefined))
      out[name] = pairedDifference(va as number[], vb as number[], level);
  }
  return out;
}
