import type { ArrivalClock } from './arrival-clock';
import type { CallPool } from './call-pool';
import type { Clients } from './clients';
import type { EventQueue } from './event-queue';
import type { FaultState } from './faults';
import type { CallIx, EdgeIx, NodeIx } from './indices';
import type { Caches } from './keyed-cache';
import type { LoadBalancers } from './load-balancers';
import type { MessageStore } from './message-store';
import type { Metrics } from './metrics';
import type { MultiPrimary } from './multi-primary';
import type { Replication } from './replication';
import type { SimEventType } from './results';
import type { Sessions } from './sessions';
import type { Topology } from './topology';
import type { WorkerPools } from './worker-pools';

/** Event type codes of the future event list. */
export const Ev = {
  // 0 was a client's next request, now kept in the ArrivalClock (src/sim/arrival-clock.ts).
  callArrive: 1,
  serviceDone: 2,
  response: 3,
  timeoutCheck: 4,
  probe: 5,
  probeResult: 6,
  step: 7,
  retry: 8,
  promote: 9,
  failover: 10,
  replicate: 11,
  /** A closed-loop user's think time is over: arg is the client, arg2 the user. */
  userArrival: 12,
} as const;

/**
 * What the engine's behaviour modules (client requests, message-queue delivery, scenario steps) share: the
 * run's state and the engine's few primitives for moving calls. One object implements it, so calls
 * through it stay monomorphic on the hot path.
 */
export interface EngineContext {
  readonly topology: Topology;
  readonly queue: EventQueue;
  /** Every open-loop client's next request, beside the event list. */
  readonly arrivals: ArrivalClock;
  readonly calls: CallPool;
  readonly metrics: Metrics;
  readonly faults: FaultState;
  readonly lbs: LoadBalancers;
  readonly clients: Clients;
  readonly pools: WorkerPools;
  readonly messages: MessageStore;
  readonly sessions: Sessions;
  readonly replication: Replication;
  /** Multi-primary peers, when the document has replication links (README "Active-active data"). */
  readonly peers: MultiPrimary | null;
  readonly caches: Caches;
  /** Simulated time of the event being processed, in ms. */
  readonly nowMs: number;
  /** Sends a new call from `parent` over `edge`, as part of the parent's `attempt` (0 unless a root's). */
  send(parent: CallIx, edge: EdgeIx, attempt: number): void;
  /** Finishes a call at its node with an outcome and sends the answer back over its edge. */
  respond(call: CallIx, cause: number): void;
  /** Starts the timeout of `call`'s current attempt, step or delivery (`tag`), owned by `node`. */
  watch(node: NodeIx, call: CallIx, tag: number, deadlineMs: number): void;
  /** Starts waiting work on a node's free workers (after its capacity grew back). */
  startWaiting(node: NodeIx): void;
  /** Records an event for the event log and the chart markers. */
  note(type: SimEventType, target: string, by?: string, detail?: string): void;
}
