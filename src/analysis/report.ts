import type { ArchDocument } from '../model/types';
import { detectionsOf } from '../sim/detection';
import { createSimulation } from '../sim/engine';
import type {
  LatencySummary,
  LatencyWindow,
  NodeSecond,
  NodeTotals,
  RunTotals,
  SecondRow,
  SimEvent,
  WindowLatency,
} from '../sim/results';

/** The run report of `archplay simulate --json` (DESIGN.md §6): snake_case keys, ms and seconds. */
export interface RunReport {
  readonly version: 1;
  readonly seed: number;
  readonly duration_s: number;
  /** Present when the run ended early: "stopped at N events" or "stopped after N s of wall time". */
  readonly stopped?: string;
  readonly totals: {
    readonly requests: number;
    readonly attempts: number;
    readonly ok: number;
    readonly failed: number;
    readonly in_flight: number;
    readonly availability: number;
    readonly throughput_rps: number;
    readonly latency_ms: LatencySummary;
    readonly errors_by_cause: Readonly<Record<string, number>>;
    readonly sessions_lost: number;
    readonly writes_lost: number;
    readonly duplicates: number;
    readonly stale_reads: number;
    readonly redeliveries: number;
    readonly dead_lettered: number;
    /** Work completed for callers that had already given up, summed over nodes (README "Goodput and wasted work"). */
    readonly wasted: number;
  } & Partial<PeerReport>;
  readonly nodes: Readonly<
    Record<
      string,
      {
        readonly arrivals: number;
        readonly completed: number;
        readonly errors: number;
        readonly utilization: number;
        readonly mean_queue: number;
        readonly latency_ms: LatencySummary;
        readonly wasted: number;
        /** Caches answering from cache only. */
        readonly hit_ratio?: number;
      }
    >
  >;
  readonly series: readonly ReportRow[];
  /** For each fault, the first alert that fired after it and how long that took (absent: not detected). */
  readonly detection: readonly {
    readonly t: number;
    readonly type: string;
    readonly target: string;
    readonly alert?: string;
    readonly detected_after_s?: number;
  }[];
  readonly events: readonly {
    readonly t: number;
    readonly type: string;
    readonly target: string;
    readonly by?: string;
    readonly detail?: string;
  }[];
  /** Latency over the windows the run was asked to keep (expectations `during A..B`); absent: none. */
  readonly windows?: readonly ReportWindow[];
}

/** Latency over a window of the run: the seconds starting in [from_s, to_s). */
export interface ReportWindow {
  readonly from_s: number;
  readonly to_s: number;
  readonly latency_ms: LatencySummary;
  readonly nodes: Readonly<Record<string, { readonly latency_ms: LatencySummary }>>;
}

/**
 * Multi-primary peers' figures (README "Active-active data"), present only when the document has
 * replication links: conflicts settled and updates lost (in a row: during that second), keys divergent
 * and the largest replication lag at the end.
 */
export interface PeerReport {
  readonly conflicts: number;
  readonly lost_updates: number;
  readonly divergent_keys: number;
  readonly replication_lag_ms: number;
}

function peerReportOf(figures: {
  conflicts: number;
  lostUpdates: number;
  divergentKeys?: number | undefined;
  replicationLagMs?: number | undefined;
}): Partial<PeerReport> {
  if (figures.divergentKeys === undefined) return {};
  return {
    conflicts: figures.conflicts,
    lost_updates: figures.lostUpdates,
    divergent_keys: figures.divergentKeys,
    replication_lag_ms: figures.replicationLagMs ?? 0,
  };
}

export type ReportRow = ReportRowBase & Partial<PeerReport>;

interface ReportRowBase {
  readonly t: number;
  readonly requests: number;
  readonly attempts: number;
  readonly ok: number;
  readonly failed: number;
  readonly error_rate: number;
  readonly latency_ms: LatencySummary;
  /** What the state models counted in this second (DESIGN.md §4): the totals' counts, per second. */
  readonly sessions_lost: number;
  readonly writes_lost: number;
  readonly duplicates: number;
  readonly stale_reads: number;
  readonly redeliveries: number;
  readonly dead_lettered: number;
  readonly wasted: number;
  readonly nodes: Readonly<Record<string, ReportNodeSecond>>;
}

/** One node's second in a report row. */
export interface ReportNodeSecond {
  readonly arrivals: number;
  readonly completed: number;
  readonly errors: number;
  readonly utilization: number;
  readonly queue: number;
  readonly p99_ms: number;
  readonly wasted: number;
  /** Caches answering from cache only. */
  readonly hit_ratio?: number;
  /**
   * Detailed rows only (the exports, `archplay simulate`; {@link RunOptions.detailedSeries}): errors
   * answered with cause `shed` (the node's own shedding, or a downstream node's passed back), and a
   * cache's entries held at the end of the second and entries evicted in it.
   */
  readonly shed?: number;
  readonly cache_entries?: number;
  readonly evictions?: number;
}

export interface RunOptions {
  readonly seed?: number;
  readonly durationSec?: number;
  readonly maxEvents?: number;
  /** Checked between slices of the run; returning a reason stops it there (the CLI's wall-time cap). */
  readonly shouldStop?: () => string | undefined;
  /** Windows whose latency percentiles the report gives apart (`windows`); absent: none. */
  readonly latencyWindows?: readonly LatencyWindow[];
  /**
   * Series rows with each node's `shed` and a cache's `cache_entries` and `evictions` too (what the
   * exports write, README "Metastable failures"). Off: the compact rows that the analyses read and
   * test/golden pins.
   */
  readonly detailedSeries?: boolean;
}

/** Runs a document to its end (or its caps) and builds the report. */
export function runReport(doc: ArchDocument, options: RunOptions = {}): RunReport {
  const seed = options.seed ?? doc.sim.seed;
  const durationSec = options.durationSec ?? doc.sim.durationSec;
  const sim = createSimulation(
    { ...doc, sim: { ...doc.sim, seed, durationSec } },
    {
      seed,
      ...(options.maxEvents !== undefined ? { maxEvents: options.maxEvents } : {}),
      ...(options.latencyWindows ? { latencyWindows: options.latencyWindows } : {}),
    },
  );
  const rows: SecondRow[] = [];
  const events: SimEvent[] = [];
  let stopped: string | undefined;
  while (!sim.done) {
    sim.advance(durationSec, 250_000);
    rows.push(...sim.takeRows());
    events.push(...sim.takeEvents());
    stopped = options.shouldStop?.();
    if (stopped) break;
  }
  rows.push(...sim.takeRows());
  events.push(...sim.takeEvents());
  stopped ??= sim.stopped;
  return buildReport({
    ...(options.detailedSeries === true ? { detailedSeries: true } : {}),
    seed,
    nowSec: sim.nowSec,
    ...(stopped ? { stopped } : {}),
    rows,
    events,
    totals: sim.totals(),
    nodes: sim.nodeTotals(),
    windows: sim.windowLatencies(),
  });
}

/** What a report is made of: a run's rows, events and totals, however they were collected. */
export interface ReportParts {
  readonly seed: number;
  readonly nowSec: number;
  readonly stopped?: string;
  readonly rows: readonly SecondRow[];
  readonly events: readonly SimEvent[];
  readonly totals: RunTotals;
  /** Whole-run node totals; a live run in the page has none (its report leaves `nodes` empty). */
  readonly nodes: Readonly<Record<string, NodeTotals>>;
  /** Latency over kept windows, if any were asked for. */
  readonly windows?: readonly WindowLatency[];
  /** Detailed series rows ({@link RunOptions.detailedSeries}). */
  readonly detailedSeries?: boolean;
}

/**
 * Builds the report from its parts: `runReport` at the end of a headless run, and the page from the rows,
 * events and totals its worker streamed (a report so far), so both quote the same numbers.
 */
export function buildReport({
  seed,
  nowSec,
  stopped,
  rows,
  events,
  totals,
  nodes,
  windows,
  detailedSeries = false,
}: ReportParts): RunReport {
  return {
    version: 1,
    seed,
    duration_s: nowSec,
    ...(stopped ? { stopped } : {}),
    totals: reportTotalsOf(totals),
    nodes: Object.fromEntries(
      Object.entries(nodes).map(([id, n]) => [
        id,
        {
          arrivals: n.arrivals,
          completed: n.completed,
          errors: n.errors,
          utilization: n.utilization,
          mean_queue: n.meanQueue,
          latency_ms: n.latencyMs,
          wasted: n.wasted,
          ...(n.hitRatio !== undefined ? { hit_ratio: n.hitRatio } : {}),
        },
      ]),
    ),
    series: rows.map((row) => toReportRow(row, detailedSeries)),
    events: events.map((e) => ({ ...e })),
    detection: timesToDetect(events),
    ...(windows && windows.length > 0
      ? {
          windows: windows.map((w) => ({
            from_s: w.fromSec,
            to_s: w.toSec,
            latency_ms: w.total,
            nodes: Object.fromEntries(Object.entries(w.nodes).map(([id, l]) => [id, { latency_ms: l }])),
          })),
        }
      : {}),
  };
}

/** The run totals as the report writes them (snake_case, DESIGN.md §6). */
export function reportTotalsOf(totals: RunTotals): RunReport['totals'] {
  return {
    requests: totals.requests,
    attempts: totals.attempts,
    ok: totals.ok,
    failed: totals.failed,
    in_flight: totals.inFlight,
    availability: totals.availability,
    throughput_rps: totals.throughputRps,
    latency_ms: totals.latencyMs,
    errors_by_cause: { ...totals.errorsByCause },
    sessions_lost: totals.sessionsLost,
    writes_lost: totals.writesLost,
    duplicates: totals.duplicates,
    stale_reads: totals.staleReads,
    redeliveries: totals.redeliveries,
    dead_lettered: totals.deadLettered,
    wasted: totals.wasted,
    ...peerReportOf(totals),
  };
}

/** Pairs each fault with the first alert to fire at or after it. */
function timesToDetect(events: readonly SimEvent[]): RunReport['detection'] {
  return detectionsOf(events).map(({ fault, alert, afterSec }) => ({
    t: fault.t,
    type: fault.type,
    target: fault.target,
    ...(alert !== undefined && afterSec !== undefined ? { alert, detected_after_s: afterSec } : {}),
  }));
}

/** One per-second row as the report writes it; `detailed` adds shedding and cache figures per node. */
export function toReportRow(row: SecondRow, detailed = false): ReportRow {
  const { total } = row;
  return {
    t: row.t,
    requests: total.requests,
    attempts: total.attempts,
    ok: total.ok,
    failed: total.failed,
    error_rate: total.errorRate,
    latency_ms: { mean: total.mean, p50: total.p50, p95: total.p95, p99: total.p99 },
    sessions_lost: total.sessionsLost,
    writes_lost: total.writesLost,
    duplicates: total.duplicates,
    stale_reads: total.staleReads,
    redeliveries: total.redeliveries,
    dead_lettered: total.deadLettered,
    wasted: total.wasted,
    ...peerReportOf(total),
    nodes: Object.fromEntries(
      Object.entries(row.nodes).map(([id, n]) => [
        id,
        {
          arrivals: n.arrivals,
          completed: n.completed,
          errors: n.errors,
          utilization: n.utilization,
          queue: n.queueLength,
          p99_ms: n.p99,
          wasted: n.wasted,
          ...(n.hitRatio !== undefined ? { hit_ratio: n.hitRatio } : {}),
          ...(detailed ? detailOf(n) : {}),
        },
      ]),
    ),
  };
}

function detailOf(n: NodeSecond): Pick<ReportNodeSecond, 'shed' | 'cache_entries' | 'evictions'> {
  return {
    shed: n.errorsByCause.shed,
    ...(n.hitRatio !== undefined ? { cache_entries: n.cacheEntries ?? 0, evictions: n.evictions ?? 0 } : {}),
  };
}
