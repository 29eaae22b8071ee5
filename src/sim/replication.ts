import { absentOf, DATABASE_PARAMS } from '../model/params';
import type { DatabaseParams, Distribution } from '../model/types';
import { sampleMs } from './distributions';
import { EventQueue } from './event-queue';
import type { RandomStream } from './random';
import type { Topology } from './topology';
import type { NodeIx } from './indices';

const DEFAULT_REPLICAS = absentOf(DATABASE_PARAMS, 'replicas');
const DEFAULT_LAG: Distribution = absentOf(DATABASE_PARAMS, 'lag');
const DEFAULT_DETECT_MS = absentOf(DATABASE_PARAMS, 'detectMs');
const DEFAULT_PROMOTE_MS = absentOf(DATABASE_PARAMS, 'promoteMs');

/**
 * Database replication (DESIGN.md §3). Each database is a primary with `replicas` copies. A synchronous
 * write waits for a replica's acknowledgement (its lag is added to the write); an asynchronous write is
 * acknowledged at once and reaches the replicas after its lag. When the primary crashes, the writes that
 * were acknowledged but not yet replicated are lost; a replica is promoted after `detect` + `promote`.
 * A read by a user whose own write has not reached the replicas yet is a stale read.
 */
export class Replication {
  /** Per database: writes acknowledged but not yet on the replicas, ordered by when they arrive there. */
  private readonly pending: (EventQueue | null)[];
  /** Per user: unreplicated writes of that user. */
  private readonly pendingByUser: Int32Array;
  readonly replicas: Int32Array;
  /** Per database: when the last acknowledged write reaches the replicas. */
  private readonly caughtUpAt: Float64Array;
  writesLost = 0;
  staleReads = 0;

  constructor(
    private readonly topology: Topology,
    users: number,
  ) {
    this.replicas = Int32Array.from(topology.kinds, (kind, i) =>
      kind === 'database' ? ((topology.params[i] as DatabaseParams).replicas ?? DEFAULT_REPLICAS) : 0,
    );
    this.pending = topology.kinds.map((kind) => (kind === 'database' ? new EventQueue() : null));
    this.pendingByUser = new Int32Array(users);
    this.caughtUpAt = new Float64Array(topology.nodeIds.length);
  }

  /** How long until the replicas of `node` hold every write acknowledged by `nowMs`. */
  lagMs(node: NodeIx, nowMs: number): number {
    return Math.max(0, (this.caughtUpAt[node] as number) - nowMs);
  }

  private params(node: NodeIx): DatabaseParams {
    return this.topology.params[node] as DatabaseParams;
  }

  /** Whether the node is a database with replicas (the engine's cheap check). */
  replicates(node: NodeIx): boolean {
    return (this.replicas[node] as number) > 0;
  }

  /** Extra time a write holds the primary: the replica's acknowledgement, for synchronous replication. */
  syncDelayMs(node: NodeIx, rng: RandomStream): number {
    const params = this.params(node);
    return params.replication === 'sync' ? sampleMs(params.lag ?? DEFAULT_LAG, rng) : 0;
  }

  /** A write was acknowledged by the primary at `nowMs`. */
  wrote(node: NodeIx, user: number, nowMs: number, rng: RandomStream): void {
    const params = this.params(node);
    if (params.replication === 'sync') return;
    this.settle(node, nowMs);
    const queue = this.pending[node] as EventQueue;
    const arrivesAt = nowMs + sampleMs(params.lag ?? DEFAULT_LAG, rng);
    queue.push(arrivesAt, 0, user, 0);
    if (arrivesAt > (this.caughtUpAt[node] as number)) this.caughtUpAt[node] = arrivesAt;
    this.pendingByUser[user] = (this.pendingByUser[user] as number) + 1;
  }

  /** A read served at `nowMs` (reads go to the replicas). */
  read(node: NodeIx, user: number, nowMs: number): void {
    this.settle(node, nowMs);
    if ((this.pendingByUser[user] as number) > 0) this.staleReads++;
  }

  /** The primary crashed: unreplicated writes are lost. Returns when a replica takes over, or Infinity. */
  primaryLost(node: NodeIx, nowMs: number): number {
    this.settle(node, nowMs);
    const queue = this.pending[node] as EventQueue;
    this.writesLost += queue.size;
    this.caughtUpAt[node] = nowMs;
    while (queue.size > 0) {
      queue.pop();
      this.pendingByUser[queue.poppedArg] = (this.pendingByUser[queue.poppedArg] as number) - 1;
    }
    if ((this.replicas[node] as number) === 0) return Infinity;
    const params = this.params(node);
    return nowMs + (params.detectMs ?? DEFAULT_DETECT_MS) + (params.promoteMs ?? DEFAULT_PROMOTE_MS);
  }

  /** A replica became the primary: one replica fewer. */
  promoted(node: NodeIx): void {
    this.replicas[node] = Math.max(0, (this.replicas[node] as number) - 1);
  }

  /** The old primary came back, as a replica. */
  rejoined(node: NodeIx): void {
    this.replicas[node] = (this.replicas[node] as number) + 1;
  }

  /** Writes whose replication has completed by `nowMs` are no longer pending. */
  private settle(node: NodeIx, nowMs: number): void {
    const queue = this.pending[node] as EventQueue;
    while (queue.size > 0 && queue.peekTime() <= nowMs) {
      queue.pop();
      this.pendingByUser[queue.poppedArg] = (this.pendingByUser[queue.poppedArg] as number) - 1;
    }
  }
}
