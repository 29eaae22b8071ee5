import { HistogramSet } from './histogram';
import type {
  PeerGauges,
  StateCounts,
  EdgeSecond,
  ErrorCounts,
  LatencySummary,
  NodeSecond,
  NodeTotals,
  RunTotals,
  SecondRow,
  LatencyWindow,
  WindowLatency,
} from './results';
import type { Topology } from './topology';
import type { EdgeIx, NodeIx } from './indices';
import { limiterCapacity } from './limiter';
import type { LimiterParams } from '../model/types';

/** Error cause codes used inside the engine; 0 means success. */
export const Cause = { ok: 0, refused: 1, timeout: 2, rejected: 3, dropped: 4, error: 5, shed: 6 } as const;
const CAUSES = 7;

/**
 * Counters for the current simulated second and for the whole run. The engine calls the record*
 * methods on the hot path (typed arrays only); rows are built once per simulated second.
 * Histogram slot `nodeCount` holds the clients' end-to-end latency; slots below it are per node.
 *
 * The hot path counts each thing once, for the second in progress: whole-run counts are rolled up when
 * a second closes (and the open second added when a total is read), and a node's completions and the
 * clients' successes are the counts of their latency histograms (docs/ENGINE-NOTES.md, "The engine's
 * hot path"). The counts are whole numbers, so the roll-up gives exactly what counting twice gave.
 */
export class Metrics {
  private readonly nodeCount: number;
  private readonly edgeCount: number;
  // Per second, per node.
  private readonly arrivals: Float64Array;
  /** node * CAUSES + cause */
  private readonly errors: Float64Array;
  /**
   * Used capacity × ms (busy workers × ms; a limiter's requests in flight × ms, or its tokens used) and
   * waiting calls × ms this second; WorkerPools and Limiters add to them as levels change.
   */
  readonly busyArea: Float64Array;
  /** A limiter's {@link limiterCapacity} (0 for other nodes, whose utilization is against their workers in force). */
  private readonly limiterCapacity: Float64Array;
  readonly queueArea: Float64Array;
  private readonly edgeRequests: Float64Array;
  private readonly edgeErrors: Float64Array;
  /** Completions whose caller had already given up (README "Goodput and wasted work"). */
  private readonly wasted: Float64Array;
  private readonly secondHist: HistogramSet;
  // Whole run, per node.
  private readonly runArrivals: Float64Array;
  private readonly runErrors: Float64Array;
  private readonly runBusyArea: Float64Array;
  private readonly runQueueArea: Float64Array;
  private readonly runWasted: Float64Array;
  private readonly runHist: HistogramSet;
  // Clients, per second and whole run.
  private secRequests = 0;
  private secAttempts = 0;
  private secFailed = 0;
  // The clients' counts over the closed seconds (the warm-up included: they are not reset).
  private closedRequests = 0;
  private closedAttempts = 0;
  private closedOk = 0;
  private closedFailed = 0;
  private readonly runClientErrors = new Float64Array(CAUSES);
  /** Simulated milliseconds covered by the whole-run areas (for averages). */
  private runSpanMs = 0;
  /** The state models' running counts, read once per second and at the end. */
  stateCounters: () => StateCounts = () => NO_STATE;
  private stateAtLastSecond: StateCounts = NO_STATE;
  /** Multi-primary peers' divergence and lag, read when a second closes and at the end (absent: no peers). */
  peerGauges: (() => PeerGauges) | undefined = undefined;
  /** Windows of the run whose latencies are kept apart (expectations over `during A..B`). */
  private windows: readonly LatencyWindow[] = [];
  /** One histogram set per window, indexed like `secondHist`. */
  private windowHists: HistogramSet[] = [];
  /** Extra per-node figures for a second (message queues' backlog), read when the second closes. */
  nodeExtras: (node: NodeIx) => Partial<NodeSecond> | undefined = () => undefined;
  /** Extra whole-run figures of a node (a cache's hit ratio). */
  nodeRunExtras: (node: NodeIx) => Partial<NodeTotals> | undefined = () => undefined;

  constructor(private readonly topology: Topology) {
    const n = topology.nodeIds.length;
    const e = topology.edgeIds.length;
    this.nodeCount = n;
    this.edgeCount = e;
    this.arrivals = new Float64Array(n);
    this.errors = new Float64Array(n * CAUSES);
    this.busyArea = new Float64Array(n);
    this.limiterCapacity = new Float64Array(n);
    for (let i = 0; i < n; i++)
      if (topology.kinds[i] === 'limiter')
        this.limiterCapacity[i] = limiterCapacity(topology.params[i] as LimiterParams);
    this.queueArea = new Float64Array(n);
    this.edgeRequests = new Float64Array(e);
    this.edgeErrors = new Float64Array(e);
    this.wasted = new Float64Array(n);
    this.runWasted = new Float64Array(n);
    this.secondHist = new HistogramSet(n + 1);
    this.runArrivals = new Float64Array(n);
    this.runErrors = new Float64Array(n * CAUSES);
    this.runBusyArea = new Float64Array(n);
    this.runQueueArea = new Float64Array(n);
    this.runHist = new HistogramSet(n + 1);
  }

  /** Keeps the latencies of the seconds starting in each window [fromSec, toSec) apart. */
  keepWindows(windows: readonly LatencyWindow[]): void {
    this.windows = windows;
    this.windowHists = windows.map(() => new HistogramSet(this.nodeCount + 1));
  }

  /** Latency over each kept window: the clients' end to end, and each node's. */
  windowLatencies(): WindowLatency[] {
    return this.windowHists.map((hist, k) => {
      const nodes: Record<string, LatencySummary> = Object.create(null) as Record<string, LatencySummary>;
      for (let i = 0; i < this.nodeCount; i++) nodes[this.topology.nodeIds[i] as string] = summary(hist, i);
      return { ...(this.windows[k] as LatencyWindow), total: summary(hist, this.nodeCount), nodes };
    });
  }

  /** Adds slot `which` of the second that closes at `tSec` into every window that holds it. */
  private keepInWindows(tSec: number, which: number): void {
    for (let k = 0; k < this.windows.length; k++) {
      const window = this.windows[k] as LatencyWindow;
      if (tSec >= window.fromSec && tSec < window.toSec)
        (this.windowHists[k] as HistogramSet).addFrom(this.secondHist, which);
    }
  }

  /** Requests the clients sent so far. */
  get requests(): number {
    return this.closedRequests + this.secRequests;
  }
  /** Attempts (first sends and retries) so far. */
  get attempts(): number {
    return this.closedAttempts + this.secAttempts;
  }
  /** Requests answered successfully so far. */
  get ok(): number {
    return this.closedOk + (this.secondHist.totals[this.nodeCount] as number);
  }
  /** Requests failed for good so far. */
  get failed(): number {
    return this.closedFailed + this.secFailed;
  }

  recordRequest(): void {
    this.secRequests++;
  }

  recordAttempt(): void {
    this.secAttempts++;
  }

  recordClientOk(latencyMs: number): void {
    this.secondHist.record(this.nodeCount, latencyMs);
  }

  recordClientFailure(cause: number): void {
    this.secFailed++;
    this.runClientErrors[cause] = (this.runClientErrors[cause] as number) + 1;
  }

  recordArrival(node: NodeIx): void {
    this.arrivals[node] = (this.arrivals[node] as number) + 1;
  }

  /** A node answered a call successfully after `latencyMs` (its completions are its histogram's count). */
  recordNodeOk(node: NodeIx, latencyMs: number): void {
    this.secondHist.record(node, latencyMs);
  }

  /** A node finished work successfully for a caller that no longer waits for it. */
  recordWasted(node: NodeIx): void {
    this.wasted[node] = (this.wasted[node] as number) + 1;
    this.runWasted[node] = (this.runWasted[node] as number) + 1;
  }

  recordNodeError(node: NodeIx, cause: number): void {
    const i = node * CAUSES + cause;
    this.errors[i] = (this.errors[i] as number) + 1;
    this.runErrors[i] = (this.runErrors[i] as number) + 1;
  }

  recordEdgeRequest(edge: EdgeIx): void {
    this.edgeRequests[edge] = (this.edgeRequests[edge] as number) + 1;
  }

  recordEdgeError(edge: EdgeIx): void {
    this.edgeErrors[edge] = (this.edgeErrors[edge] as number) + 1;
  }

  /** Closes the second that started at `tSec` (areas must be integrated up to its end) and starts the next. */
  closeSecond(tSec: number): SecondRow {
    const topology = this.topology;
    const nodes: Record<string, NodeSecond> = Object.create(null) as Record<string, NodeSecond>;
    let wastedTotal = 0;
    for (let i = 0; i < this.nodeCount; i++) {
      wastedTotal += this.wasted[i] as number;
      const capacity = this.capacityOf(i);
      const errorsByCause = this.causes(this.errors, i);
      nodes[topology.nodeIds[i] as string] = {
        arrivals: this.arrivals[i] as number,
        completed: this.secondHist.count(i),
        errors: sumCauses(errorsByCause),
        errorsByCause,
        utilization: capacity > 0 ? (this.busyArea[i] as number) / (capacity * 1000) : 0,
        queueLength: (this.queueArea[i] as number) / 1000,
        wasted: this.wasted[i] as number,
        ...summary(this.secondHist, i),
        ...this.nodeExtras(i as NodeIx),
      };
      this.runArrivals[i] = (this.runArrivals[i] as number) + (this.arrivals[i] as number);
      this.runBusyArea[i] = (this.runBusyArea[i] as number) + (this.busyArea[i] as number);
      this.runQueueArea[i] = (this.runQueueArea[i] as number) + (this.queueArea[i] as number);
      this.runHist.addFrom(this.secondHist, i);
      this.keepInWindows(tSec, i);
      this.secondHist.clear(i);
    }
    const edges: Record<string, EdgeSecond> = Object.create(null) as Record<string, EdgeSecond>;
    for (let e = 0; e < this.edgeCount; e++) {
      edges[topology.edgeIds[e] as string] = {
        requests: this.edgeRequests[e] as number,
        errors: this.edgeErrors[e] as number,
      };
    }
    const secOk = this.secondHist.count(this.nodeCount);
    const finished = secOk + this.secFailed;
    const state = this.stateCounters();
    const previous = this.stateAtLastSecond;
    this.stateAtLastSecond = state;
    const row: SecondRow = {
      t: tSec,
      total: {
        requests: this.secRequests,
        attempts: this.secAttempts,
        ok: secOk,
        failed: this.secFailed,
        errorRate: finished > 0 ? this.secFailed / finished : 0,
        wasted: wastedTotal,
        ...summary(this.secondHist, this.nodeCount),
        sessionsLost: state.sessionsLost - previous.sessionsLost,
        writesLost: state.writesLost - previous.writesLost,
        staleReads: state.staleReads - previous.staleReads,
        duplicates: state.duplicates - previous.duplicates,
        redeliveries: state.redeliveries - previous.redeliveries,
        deadLettered: state.deadLettered - previous.deadLettered,
        conflicts: state.conflicts - previous.conflicts,
        lostUpdates: state.lostUpdates - previous.lostUpdates,
        ...this.peerGauges?.(),
      },
      nodes,
      edges,
    };
    this.closedRequests += this.secRequests;
    this.closedAttempts += this.secAttempts;
    this.closedOk += secOk;
    this.closedFailed += this.secFailed;
    this.runHist.addFrom(this.secondHist, this.nodeCount);
    this.keepInWindows(tSec, this.nodeCount);
    this.secondHist.clear(this.nodeCount);
    this.arrivals.fill(0);
    this.errors.fill(0);
    this.busyArea.fill(0);
    this.queueArea.fill(0);
    this.edgeRequests.fill(0);
    this.edgeErrors.fill(0);
    this.wasted.fill(0);
    this.secRequests = 0;
    this.secAttempts = 0;
    this.secFailed = 0;
    this.runSpanMs += 1000;
    return row;
  }

  /**
   * Forgets the whole-run latency histograms and node figures so far: the end of the warm-up. Request
   * counts are kept, so that requests = ok + failed + in flight still holds.
   */
  endWarmup(): void {
    for (let i = 0; i <= this.nodeCount; i++) this.runHist.clear(i);
    this.runArrivals.fill(0);
    this.runErrors.fill(0);
    this.runBusyArea.fill(0);
    this.runQueueArea.fill(0);
    this.runWasted.fill(0);
    this.runSpanMs = 0;
  }

  totals(inFlight: number, elapsedSec: number): RunTotals {
    const finished = this.ok + this.failed;
    return {
      requests: this.requests,
      attempts: this.attempts,
      ok: this.ok,
      failed: this.failed,
      inFlight,
      availability: finished > 0 ? this.ok / finished : 1,
      throughputRps: elapsedSec > 0 ? this.ok / elapsedSec : 0,
      latencyMs: summaryWith(this.runHist, this.secondHist, this.nodeCount),
      errorsByCause: this.causes(this.runClientErrors, 0),
      wasted: this.runWasted.reduce((sum, w) => sum + w, 0),
      ...this.stateCounters(),
      ...this.peerGauges?.(),
    };
  }

  nodeTotals(): Record<string, NodeTotals> {
    const topology = this.topology;
    const result: Record<string, NodeTotals> = Object.create(null) as Record<string, NodeTotals>;
    const span = this.runSpanMs;
    for (let i = 0; i < this.nodeCount; i++) {
      const capacity = this.capacityOf(i);
      result[topology.nodeIds[i] as string] = {
        arrivals: (this.runArrivals[i] as number) + (this.arrivals[i] as number),
        completed: this.runHist.count(i) + this.secondHist.count(i),
        errors: sumCauses(this.causes(this.runErrors, i)),
        utilization: capacity > 0 && span > 0 ? (this.runBusyArea[i] as number) / (capacity * span) : 0,
        meanQueue: span > 0 ? (this.runQueueArea[i] as number) / span : 0,
        wasted: this.runWasted[i] as number,
        ...this.nodeRunExtras(i as NodeIx),
        latencyMs: summaryWith(this.runHist, this.secondHist, i),
      };
    }
    return result;
  }

  /**
   * What a node's busy area is measured against, per ms: the workers in force (a `degrade workers=`
   * step changes them), or a limiter's limit.
   */
  private capacityOf(node: number): number {
    const limit = this.limiterCapacity[node] as number;
    return limit > 0 ? limit : (this.topology.workers[node] as number);
  }

  private causes(counts: Float64Array, node: number): ErrorCounts {
    const base = node * CAUSES;
    return {
      refused: counts[base + Cause.refused] as number,
      timeout: counts[base + Cause.timeout] as number,
      rejected: counts[base + Cause.rejected] as number,
      dropped: counts[base + Cause.dropped] as number,
      error: counts[base + Cause.error] as number,
      shed: counts[base + Cause.shed] as number,
    };
  }
}

function summary(hist: HistogramSet, which: number): LatencySummary {
  return {
    mean: hist.mean(which),
    ...hist.summaryQuantiles(which),
  };
}

const NO_STATE: StateCounts = {
  sessionsLost: 0,
  writesLost: 0,
  staleReads: 0,
  duplicates: 0,
  redeliveries: 0,
  deadLettered: 0,
  conflicts: 0,
  lostUpdates: 0,
};

/** The summary of closed seconds and the second in progress together. */
function summaryWith(run: HistogramSet, current: HistogramSet, which: number): LatencySummary {
  return {
    mean: run.meanWith(current, which),
    p50: run.quantileWith(current, which, 0.5),
    p95: run.quantileWith(current, which, 0.95),
    p99: run.quantileWith(current, which, 0.99),
  };
}

function sumCauses(c: ErrorCounts): number {
  return c.refused + c.timeout + c.rejected + c.dropped + c.error + c.shed;
}
