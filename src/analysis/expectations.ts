/**
 * Measuring expectations (README.md, "Expectations") on run reports: a metric of the totals or of a
 * node, over the whole run or a window, and the comparison with the expected value — on one run's value,
 * on the mean of replications, or on the bound of their confidence interval (`at 95%`).
 */
import { formatSignificant } from '../model/number-format';
import { formatExpectation, formatMetricValue } from '../model/expectation-text';
import { expectMetricInfo, type ExpectOp, type Expectation } from '../model/expectation-types';
import type { ReportRow, RunReport } from './report';
import type { Interval } from './statistics';

/** A measured value, or why there is none (a node missing from the run, a window not reached yet). */
export type Measure = { readonly value: number } | { readonly missing: string };

const CAUSE_METRICS: Readonly<Record<string, string>> = {
  refused_errors: 'refused',
  timeout_errors: 'timeout',
  rejected_errors: 'rejected',
  dropped_errors: 'dropped',
  server_errors: 'error',
  shed_errors: 'shed',
};

const PEER_METRICS: ReadonlySet<string> = new Set(['conflicts', 'lost_updates', 'divergent_keys']);

const share = (part: number, whole: number, empty: number) => (whole > 0 ? part / whole : empty);

/** The windows whose latency a report must keep to measure these expectations. */
export function latencyWindowsOf(
  expectations: readonly Expectation[],
): { readonly fromSec: number; readonly toSec: number }[] {
  const seen = new Map<string, { fromSec: number; toSec: number }>();
  for (const e of expectations)
    if (e.window) seen.set(`${e.window.fromSec}..${e.window.toSec}`, { ...e.window });
  return [...seen.values()];
}

/** Measures the expectation's metric on one run's report. */
export function measure(report: RunReport, e: Expectation): Measure {
  return e.window ? measureWindow(report, e) : measureWholeRun(report, e);
}

function latencyOf(summary: RunReport['totals']['latency_ms'], metric: string): number | undefined {
  if (metric === 'p50' || metric === 'p95' || metric === 'p99' || metric === 'mean') return summary[metric];
  return undefined;
}

function measureWholeRun(report: RunReport, e: Expectation): Measure {
  const t = report.totals;
  if (e.target === undefined) {
    const latency = latencyOf(t.latency_ms, e.metric);
    if (latency !== undefined) return { value: latency };
    const cause = CAUSE_METRICS[e.metric];
    if (cause !== undefined) return { value: t.errors_by_cause[cause] ?? 0 };
    if (e.metric === 'error_rate') return { value: 1 - t.availability };
    if (e.metric === 'throughput') return { value: t.throughput_rps };
    const value = (t as unknown as Record<string, unknown>)[e.metric];
    if (typeof value === 'number') return { value };
    // Peer figures are reported only when the design has peer links; without them there are none.
    if (PEER_METRICS.has(e.metric)) return { value: 0 };
    return { missing: `the report has no total "${e.metric}"` };
  }
  const node = report.nodes[e.target];
  // A report built from a live run has no whole-run node figures: add up its seconds instead.
  if (!node) return measureWindow(report, { ...e, window: { fromSec: 0, toSec: Infinity } });
  const latency = latencyOf(node.latency_ms, e.metric);
  if (latency !== undefined) return { value: latency };
  switch (e.metric) {
    case 'arrivals':
    case 'completed':
    case 'errors':
    case 'utilization':
      return { value: node[e.metric] };
    case 'queue':
      return { value: node.mean_queue };
    case 'wasted':
      return { value: node.wasted };
    case 'hit_ratio':
      return node.hit_ratio === undefined
        ? { missing: `${e.target} is not a cache` }
        : { value: node.hit_ratio };
    case 'availability':
      return { value: share(node.completed, node.completed + node.errors, 1) };
    case 'error_rate':
      return { value: share(node.errors, node.completed + node.errors, 0) };
    case 'throughput':
      return { value: share(node.completed, report.duration_s, 0) };
    default:
      return { missing: `no node metric "${e.metric}"` };
  }
}

/** A count a per-second row holds; the multi-primary counts are absent from rows of runs without peers. */
type RowCount = {
  [K in keyof ReportRow]-?: ReportRow[K] extends number | undefined ? K : never;
}[keyof ReportRow];

function measureWindow(report: RunReport, e: Expectation): Measure {
  const window = e.window ?? { fromSec: 0, toSec: Infinity };
  const rows = report.series.filter((row) => row.t >= window.fromSec && row.t < window.toSec);
  const whole = !Number.isFinite(window.toSec);
  if (rows.length === 0)
    return { missing: whole ? 'the run has no seconds yet' : `the run has not reached ${window.fromSec} s` };
  const seconds = rows.length;
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((s, row) => s + pick(row), 0);
  const latencyWanted = latencyOf({ mean: 0, p50: 0, p95: 0, p99: 0 }, e.metric) !== undefined;
  if (latencyWanted) {
    const kept = report.windows?.find((w) => w.from_s === window.fromSec && w.to_s === window.toSec);
    const summary = e.target === undefined ? kept?.latency_ms : kept?.nodes[e.target]?.latency_ms;
    return summary
      ? { value: latencyOf(summary, e.metric) as number }
      : { missing: `${e.metric} over ${windowText(e)} is measured when the run ends` };
  }
  if (e.target === undefined) {
    const ok = sum((row) => row.ok);
    const failed = sum((row) => row.failed);
    switch (e.metric) {
      case 'availability':
        return { value: share(ok, ok + failed, 1) };
      case 'error_rate':
        return { value: share(failed, ok + failed, 0) };
      case 'throughput':
        return { value: ok / seconds };
      case 'requests':
      case 'attempts':
      case 'ok':
      case 'failed':
      case 'sessions_lost':
      case 'writes_lost':
      case 'duplicates':
      case 'stale_reads':
      case 'redeliveries':
      case 'dead_lettered':
      case 'conflicts':
      case 'lost_updates':
      case 'wasted':
        return { value: sum((row) => row[e.metric as RowCount] ?? 0) };
      default:
        return { missing: `${e.metric} is not counted per second` };
    }
  }
  const id = e.target;
  const nodeRows = rows.map((row) => row.nodes[id]).filter((n) => n !== undefined);
  if (nodeRows.length === 0) return { missing: `no node "${id}" in the run` };
  const nodeSum = (pick: (n: (typeof nodeRows)[number]) => number) =>
    nodeRows.reduce((s, n) => s + pick(n), 0);
  const completed = nodeSum((n) => n.completed);
  const errors = nodeSum((n) => n.errors);
  switch (e.metric) {
    case 'arrivals':
      return { value: nodeSum((n) => n.arrivals) };
    case 'completed':
      return { value: completed };
    case 'errors':
      return { value: errors };
    case 'utilization':
      return { value: nodeSum((n) => n.utilization) / nodeRows.length };
    case 'queue':
      return { value: nodeSum((n) => n.queue) / nodeRows.length };
    case 'wasted':
      return { value: nodeSum((n) => n.wasted) };
    case 'availability':
      return { value: share(completed, completed + errors, 1) };
    case 'error_rate':
      return { value: share(errors, completed + errors, 0) };
    case 'throughput':
      return { value: completed / seconds };
    default:
      return { missing: `no node metric "${e.metric}"` };
  }
}

/** Whether `value op expected` holds. Equality is exact: counts are whole numbers. */
export function compareValue(value: number, op: ExpectOp, expected: number): boolean {
  switch (op) {
    case '<':
      return value < expected;
    case '<=':
      return value <= expected;
    case '>':
      return value > expected;
    case '>=':
      return value >= expected;
    case '==':
      return value === expected;
    case '!=':
      return value !== expected;
  }
}

/**
 * The value an interval is judged by: its lower bound for `>`/`>=` (the design must be at least this
 * good with the stated confidence), its upper bound for `<`/`<=`; for `==` both bounds must equal the
 * value, for `!=` the interval must exclude it.
 */
export function checkInterval(interval: Interval, op: ExpectOp, expected: number): boolean {
  switch (op) {
    case '<':
    case '<=':
      return compareValue(interval.high, op, expected);
    case '>':
    case '>=':
      return compareValue(interval.low, op, expected);
    case '==':
      return interval.low === expected && interval.high === expected;
    case '!=':
      return interval.high < expected || interval.low > expected;
  }
}

/** The bound {@link checkInterval} judges (for `==`/`!=`, the bound farther from the value). */
export function boundChecked(interval: Interval, op: ExpectOp, expected: number): number {
  if (op === '<' || op === '<=') return interval.high;
  if (op === '>' || op === '>=') return interval.low;
  return Math.abs(interval.high - expected) > Math.abs(interval.low - expected)
    ? interval.high
    : interval.low;
}

/** `60 s..120 s`, or `the whole run`. */
export function windowText(e: Expectation): string {
  return e.window ? `${e.window.fromSec} s..${e.window.toSec} s` : 'the whole run';
}

/** Where an expectation is measured, in words: "S1, 60 s..120 s" or "totals, the whole run". */
export function whereText(e: Expectation): string {
  return `${e.target ?? 'totals'}, ${windowText(e)}`;
}

/** A measured value in the metric's unit, rounded for reading: `99.95%`, `212.4ms`, `3`. */
export function formatMeasured(metric: string, value: number, digits?: number): string {
  const unit = expectMetricInfo(metric)?.unit ?? 'count';
  const round = (v: number, d: number) => formatSignificant(v, digits ?? d);
  if (unit === 'share') return `${round(value * 100, 6)}%`;
  if (unit === 'ms') return `${round(value, 4)}ms`;
  if (unit === 'rate') return `${round(value, 5)}/s`;
  return round(value, 6);
}

/** The expectation as written, e.g. `p99 <= 250ms during 60s..120s`. */
export function expectationText(e: Expectation): string {
  return formatExpectation(e);
}

export { formatMetricValue };
