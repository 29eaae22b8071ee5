/**
 * Expectations: promises a design must keep (README.md, "Expectations"; DESIGN.md §5). Written in a file
 * as `%% @expect availability >= 99.9%`, checked live in the page and by `archplay test` in CI.
 * Pure data; measuring them is src/analysis/expectations.ts.
 */

/** Comparison operators, as written. */
export const EXPECT_OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type ExpectOp = (typeof EXPECT_OPS)[number];

/** How a metric's value is written and shown: a share (`99.9%`), a duration in ms, a count, a rate. */
export type MetricUnit = 'share' | 'ms' | 'count' | 'rate';

/** A metric an expectation can name, and whether it exists for the whole run or per node. */
export interface ExpectMetricInfo {
  readonly name: string;
  readonly unit: MetricUnit;
  /** Measured over the clients' requests (`p99`), on one node (`S1.p99`), or both. */
  readonly scopes: readonly ('total' | 'node')[];
  /** Whether it can be measured over a window (`during 60s..120s`). */
  readonly windowed: boolean;
  readonly description: string;
}

const m = (
  name: string,
  unit: MetricUnit,
  scopes: ExpectMetricInfo['scopes'],
  description: string,
  windowed = true,
): ExpectMetricInfo => ({ name, unit, scopes, windowed, description });

/**
 * Every metric an expectation can name: each whole-run total of the report (DESIGN.md §6) and each node
 * figure. A total added to the report is added here, with its unit.
 */
export const EXPECT_METRICS: readonly ExpectMetricInfo[] = [
  m('availability', 'share', ['total', 'node'], 'ok / (ok + failed)'),
  m('error_rate', 'share', ['total', 'node'], 'failed / (ok + failed)'),
  m('p50', 'ms', ['total', 'node'], 'median latency'),
  m('p95', 'ms', ['total', 'node'], '95th percentile latency'),
  m('p99', 'ms', ['total', 'node'], '99th percentile latency'),
  m('mean', 'ms', ['total', 'node'], 'mean latency'),
  m('throughput', 'rate', ['total', 'node'], 'successful requests per second'),
  m('requests', 'count', ['total'], 'requests started by clients'),
  m('attempts', 'count', ['total'], 'requests plus retries'),
  m('ok', 'count', ['total'], 'requests that succeeded'),
  m('failed', 'count', ['total'], 'requests that failed'),
  m('in_flight', 'count', ['total'], 'requests unfinished at the end', false),
  m('sessions_lost', 'count', ['total'], 'sessions lost'),
  m('writes_lost', 'count', ['total'], 'acknowledged writes lost'),
  m('duplicates', 'count', ['total'], 'messages processed twice'),
  m('stale_reads', 'count', ['total'], 'reads that missed the user’s own write'),
  m('redeliveries', 'count', ['total'], 'messages delivered again'),
  m('dead_lettered', 'count', ['total'], 'messages sent to a dead-letter queue'),
  m('conflicts', 'count', ['total'], 'concurrent writes settled between peer primaries'),
  m('lost_updates', 'count', ['total'], 'acknowledged writes overwritten by a peer'),
  m('divergent_keys', 'count', ['total'], 'keys on which peers disagree at the end', false),
  m('refused_errors', 'count', ['total'], 'requests failed: connection refused', false),
  m('timeout_errors', 'count', ['total'], 'requests failed: timed out', false),
  m('rejected_errors', 'count', ['total'], 'requests failed: queue full', false),
  m('dropped_errors', 'count', ['total'], 'requests failed: lost on the network', false),
  m('server_errors', 'count', ['total'], 'requests failed: server error', false),
  m('shed_errors', 'count', ['total'], 'requests failed: shed by load shedding', false),
  m('wasted', 'count', ['total', 'node'], 'work completed for callers that had already given up'),
  m('hit_ratio', 'share', ['node'], 'cache hits / lookups', false),
  m('arrivals', 'count', ['node'], 'requests that reached the node'),
  m('completed', 'count', ['node'], 'requests the node answered'),
  m('errors', 'count', ['node'], 'requests the node answered with an error'),
  m('utilization', 'share', ['node'], 'busy workers / workers, time-averaged'),
  m('queue', 'count', ['node'], 'mean queue length'),
];

/** The metric called `name`, if there is one. */
export function expectMetricInfo(name: string): ExpectMetricInfo | undefined {
  return EXPECT_METRICS.find((metric) => metric.name === name);
}

/** A window of the run, in simulated seconds: [fromSec, toSec). */
export interface ExpectWindow {
  readonly fromSec: number;
  readonly toSec: number;
}

/**
 * One expectation: `metric op value`, over the run or a window, of the totals or of node `target`.
 * `value` is in the metric's unit: a share (0.999), milliseconds, a count or requests per second.
 */
export interface Expectation {
  readonly metric: string;
  readonly op: ExpectOp;
  readonly value: number;
  /** A node id: the metric of that node (`S1.utilization`); absent: the clients' totals. */
  readonly target?: string;
  readonly window?: ExpectWindow;
  /**
   * Checked on the bound of this two-sided confidence interval over replications (0.95 for `at 95%`):
   * the lower bound for `>`/`>=`, the upper for `<`/`<=`. Absent: the value (or the mean) itself.
   */
  readonly confidence?: number;
  /** Checked in every single-failure scenario of a sweep (`@expect sweep …`), not the document's own. */
  readonly sweep?: boolean;
}
