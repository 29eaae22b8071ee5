/**
 * What a run produces (DESIGN.md §4): per-second rows, events, a live snapshot and whole-run totals.
 * Latencies are in milliseconds, times in seconds. Every number is finite: a second without completions
 * reports latency 0 with `completed: 0`, never NaN.
 */

/** Errors by cause (DESIGN.md §4). */
export interface ErrorCounts {
  /** Connection refused by a failed node. */
  readonly refused: number;
  /** No answer within a timeout. */
  readonly timeout: number;
  /** Rejected by a full queue. */
  readonly rejected: number;
  /** Lost on the network (edge loss or partition). */
  readonly dropped: number;
  /** Answered with a server error (a degraded node); an extension of DESIGN.md §4's causes. */
  readonly error: number;
  /** Shed by load shedding (`shed`, `max_wait`: README "Load shedding"). */
  readonly shed: number;
}

export interface LatencySummary {
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** One node's figures for one simulated second. */
export interface NodeSecond extends LatencySummary {
  /** Requests that reached the node (refused ones included). */
  readonly arrivals: number;
  /** Requests the node answered successfully. */
  readonly completed: number;
  /** Requests the node answered with an error, by cause. */
  readonly errors: number;
  readonly errorsByCause: ErrorCounts;
  /** Busy workers / workers, averaged over the second (0 for nodes without workers). */
  readonly utilization: number;
  /** Requests waiting for a worker, averaged over the second. */
  readonly queueLength: number;
  /** Work completed for a caller that had already given up (timed out, retried elsewhere, reset). */
  readonly wasted: number;
  /** Caches answering from cache: lookups that hit and missed, entries evicted, entries held at the end. */
  readonly cacheHits?: number;
  readonly cacheMisses?: number;
  /** cacheHits / (cacheHits + cacheMisses), 0 without lookups. */
  readonly hitRatio?: number;
  readonly cacheEntries?: number;
  readonly evictions?: number;
  /** Message queues: messages not yet acknowledged by a consumer, at the end of the second. */
  readonly backlog?: number;
  /** Message queues: age of the oldest unacknowledged message at the end of the second, in ms. */
  readonly oldestAgeMs?: number;
  /**
   * Databases with replicas: replication lag at the end of the second, in ms: how long until the
   * replicas hold every write acknowledged so far (0 with synchronous replication).
   */
  readonly replicationLagMs?: number;
}

/** One edge's traffic in one simulated second. */
export interface EdgeSecond {
  readonly requests: number;
  readonly errors: number;
}

/** What the state models count (DESIGN.md §3): losses, staleness and duplicates. */
export interface StateCounts {
  /** Sessions lost: a sticky server or a session store failed, or a user reached a server without its session. */
  readonly sessionsLost: number;
  /** Writes acknowledged by a database primary and lost with it before they reached a replica. */
  readonly writesLost: number;
  /** Reads by a user whose own write had not reached the replicas yet. */
  readonly staleReads: number;
  /** Messages processed successfully more than once. */
  readonly duplicates: number;
  /** Messages delivered again (visibility timeout or a failed attempt). */
  readonly redeliveries: number;
  /** Messages sent to a dead-letter queue after too many attempts. */
  readonly deadLettered: number;
  /** Multi-primary peers: concurrent writes to one key settled (README "Active-active data"). */
  readonly conflicts: number;
  /** Multi-primary peers: acknowledged writes discarded when their conflict was settled. */
  readonly lostUpdates: number;
}

/** Multi-primary peers' state at a moment (present only when the document has replication links). */
export interface PeerGauges {
  /** Keys whose value differs between peers right now (some peer lacks one of the key's latest writes). */
  readonly divergentKeys: number;
  /** Largest over the peers: age of the oldest acknowledged write some other peer has not received, ms. */
  readonly replicationLagMs: number;
}

/** Whole-system figures for one second, as seen by the clients. */
export interface TotalSecond extends LatencySummary, StateCounts, Partial<PeerGauges> {
  /** Requests started by clients. */
  readonly requests: number;
  /** Attempts sent by clients: requests plus retries. attempts / requests is the load amplification. */
  readonly attempts: number;
  readonly ok: number;
  readonly failed: number;
  /** failed / (ok + failed), 0 when nothing finished. */
  readonly errorRate: number;
  /** Work completed anywhere for a caller that had already given up, summed over the nodes. */
  readonly wasted: number;
}

export interface SecondRow {
  /** Start of the second, in simulated seconds (row `t` covers [t, t + 1)). */
  readonly t: number;
  readonly total: TotalSecond;
  readonly nodes: Readonly<Record<string, NodeSecond>>;
  readonly edges: Readonly<Record<string, EdgeSecond>>;
}

export type SimEventType =
  | 'fail'
  | 'hang'
  | 'recover'
  | 'degrade'
  | 'partition'
  | 'load'
  | 'flush'
  | 'hc-down'
  | 'hc-up'
  | 'eject'
  | 'promote'
  | 'breaker-open'
  | 'breaker-close'
  | 'depth-limit'
  | 'alert-firing'
  | 'alert-resolved'
  | 'stopped';

/** Something that happened at a moment of the run, shown as a chart marker and in the event log. */
export interface SimEvent {
  readonly t: number;
  readonly type: SimEventType;
  /** The node, edge (`A-->B`) or group the event is about. */
  readonly target: string;
  /** Who acted or noticed: the load balancer of a health-check, ejection or promotion event. */
  readonly by?: string;
  /** Extra facts for the event log, e.g. `×3 slower` or `800 req/s`. */
  readonly detail?: string;
}

export type NodeHealth = 'up' | 'failed' | 'hung' | 'degraded';

/** The state of the system at the current simulated time, for the canvas. */
export interface LiveSnapshot {
  readonly nowSec: number;
  readonly nodes: Readonly<
    Record<string, { readonly health: NodeHealth; readonly busy: number; readonly queued: number }>
  >;
  /** For each load balancer, how it currently sees each target. */
  readonly lbViews: Readonly<Record<string, Readonly<Record<string, 'healthy' | 'unhealthy'>>>>;
}

export interface RunTotals extends StateCounts, Partial<PeerGauges> {
  readonly requests: number;
  /** Requests plus retries sent by clients. */
  readonly attempts: number;
  readonly ok: number;
  readonly failed: number;
  readonly inFlight: number;
  /** ok / (ok + failed); 1 when nothing has finished. */
  readonly availability: number;
  readonly throughputRps: number;
  readonly latencyMs: LatencySummary;
  readonly errorsByCause: ErrorCounts;
  /** Work completed anywhere for a caller that had already given up, summed over the nodes. */
  readonly wasted: number;
}

export interface NodeTotals {
  readonly arrivals: number;
  readonly completed: number;
  readonly errors: number;
  readonly utilization: number;
  readonly meanQueue: number;
  readonly latencyMs: LatencySummary;
  /** Work completed for a caller that had already given up. */
  readonly wasted: number;
  /** Caches answering from cache: whole-run hit ratio, and evictions. */
  readonly hitRatio?: number;
  readonly evictions?: number;
}

/** A window of the run, in simulated seconds: the seconds starting in [fromSec, toSec). */
export interface LatencyWindow {
  readonly fromSec: number;
  readonly toSec: number;
}

/** Latency percentiles over a window (kept only when asked for: {@link LatencyWindow}). */
export interface WindowLatency extends LatencyWindow {
  readonly total: LatencySummary;
  readonly nodes: Readonly<Record<string, LatencySummary>>;
}
