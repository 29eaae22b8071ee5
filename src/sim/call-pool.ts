import { ixArray, type CallIx, type EdgeIx, type NodeIx } from './indices';

/**
 * Requests in flight, one record per hop ("call"): the client's own record of a request (the root), the
 * load balancer's forwarded copy, a server's call to its database... Records live in parallel typed
 * arrays and are recycled through a free list, so a run allocates nothing per request. Each slot has a
 * generation, bumped when it is freed, so that late events about a recycled slot are recognised as stale.
 */
export const CallState = {
  /** Travelling to its node. */
  wireIn: 0,
  queued: 1,
  serving: 2,
  /** Holding a worker while waiting for a downstream call. */
  waiting: 3,
  /** Forwarded by a load balancer, waiting for the target's answer. */
  proxying: 4,
  /** The response is travelling back to the caller. */
  wireOut: 5,
  /** A client's record of a request. */
  root: 6,
  /** Accepted by a hung node, which will never answer. */
  held: 7,
  /** A client's request waiting for its retry backoff. */
  backoff: 8,
  /** A message queue's delivery of a message to a consumer. */
  delivering: 9,
  /** A delivery whose consumer went away; kept until the message's visibility timeout. */
  orphaned: 10,
  free: 11,
  /**
   * Reset by its node's crash or restart, about to be answered "refused": unlike a call answered in
   * service, it does not hand its worker to a waiting call (the whole pool is cleared).
   */
  reset: 12,
} as const;

export type CallStateName = keyof typeof CallState;
export type CallStateCode = (typeof CallState)[CallStateName];

/**
 * Every change of a call's state the engine may make, in one table: from each state, the states a call
 * can move to next. Runs with `checkTransitions` (the property tests) fail on any move not listed here.
 */
export const CALL_TRANSITIONS: { readonly [From in CallStateName]: readonly CallStateName[] } = {
  // A slot is taken for a hop sent over an edge, a client's new request, or a queue's delivery.
  free: ['wireIn', 'root', 'delivering'],
  // At its node: served, queued, forwarded (LB, DNS), held by a hung node, or answered at once (refused,
  // rejected, a client answering, a hop limit) or lost on the way.
  wireIn: ['serving', 'queued', 'proxying', 'held', 'wireOut'],
  // Served, reset by a crash, or shed by max_wait as it reaches a worker (README "Load shedding").
  queued: ['serving', 'reset', 'wireOut'],
  // Done with its own work: calls downstream, is held by a node that hung meanwhile, or answers.
  serving: ['waiting', 'held', 'wireOut', 'reset'],
  waiting: ['held', 'wireOut', 'reset'],
  proxying: ['wireOut', 'reset'],
  held: ['reset'],
  reset: ['wireOut'],
  // An answer lost on a cut edge is re-sent as "dropped"; the caller frees the slot when it arrives.
  wireOut: ['wireOut', 'free'],
  // A failed attempt waits for its backoff, or the request ends.
  root: ['backoff', 'free'],
  backoff: ['root'],
  delivering: ['orphaned', 'free'],
  orphaned: ['free'],
};

const STATE_NAMES = Object.keys(CallState) as CallStateName[];

/** Whether the transition table allows a call in state `from` to move to `to`. */
export function isAllowedTransition(from: CallStateCode, to: CallStateCode): boolean {
  const fromName = STATE_NAMES[from];
  const toName = STATE_NAMES[to];
  return fromName !== undefined && toName !== undefined && CALL_TRANSITIONS[fromName].includes(toName);
}

/** The pool of call records. State changes go through {@link CallPool.move}, so they can be checked. */
export class CallPool {
  node = ixArray<NodeIx>(256);
  /** A CallStateCode; written only by {@link move} and {@link release}. */
  state = new Int32Array(256).fill(CallState.free);
  parent = ixArray<CallIx>(256);
  parentGen = new Int32Array(256);
  gen = new Int32Array(256);
  /** The edge the call travelled over (NO_EDGE for roots and deliveries). */
  edge = ixArray<EdgeIx>(256);
  /**
   * Roots: the attempt in progress. Children of roots: the attempt they belong to. A late answer, and a
   * timeout, is matched against it.
   */
  attempt = new Int32Array(256);
  /** Deliveries: the message slot delivered (its timeout is matched against it). */
  message = new Int32Array(256);
  /** A server's call: which of its downstream calls is in progress. */
  step = new Int32Array(256);
  depth = new Int32Array(256);
  /** The user the request comes from (hash routing), inherited along the path. */
  key = new Int32Array(256);
  /** 1 when the request writes (sessions, replication), inherited along the path. */
  write = new Int32Array(256);
  /** The data key the request names (client `keys`), -1 for none, inherited along the path. */
  dataKey = new Int32Array(256);
  /** Deliveries: the generation of the message delivered. */
  messageGen = new Int32Array(256);
  /** Outcome of a finished call: 0 ok, else an error cause code. */
  outcome = new Int32Array(256);
  /** When the call reached its node (roots: when the request was first sent). */
  start = new Float64Array(256);
  private freeList = new Int32Array(256);
  private freeCount = 0;
  private used = 0;

  get capacity(): number {
    return this.used;
  }

  /** Takes a free slot; the caller moves it out of `free` at once. */
  alloc(): CallIx {
    let c: CallIx;
    if (this.freeCount > 0) {
      c = this.freeList[--this.freeCount] as CallIx;
    } else {
      if (this.used === this.node.length) this.grow();
      c = this.used++ as CallIx;
    }
    return c;
  }

  /** Moves a call to another state (one of {@link CALL_TRANSITIONS} from its current one). */
  move(c: CallIx, to: CallStateCode): void {
    this.state[c] = to;
  }

  /** Frees a slot: its generation changes, so every event still naming it is stale. */
  release(c: CallIx): void {
    this.state[c] = CallState.free;
    this.gen[c] = ((this.gen[c] as number) + 1) | 0;
    if (this.freeCount === this.freeList.length) {
      const grown = new Int32Array(this.freeList.length * 2);
      grown.set(this.freeList);
      this.freeList = grown;
    }
    this.freeList[this.freeCount++] = c;
  }

  private grow(): void {
    const size = this.node.length * 2;
    const int = <T extends Int32Array>(old: T): T => {
      const next = new Int32Array(size);
      next.set(old);
      return next as T;
    };
    this.node = int(this.node);
    this.state = int(this.state);
    this.state.fill(CallState.free, this.used);
    this.parent = int(this.parent);
    this.parentGen = int(this.parentGen);
    this.gen = int(this.gen);
    this.edge = int(this.edge);
    this.attempt = int(this.attempt);
    this.message = int(this.message);
    this.step = int(this.step);
    this.depth = int(this.depth);
    this.key = int(this.key);
    this.write = int(this.write);
    this.messageGen = int(this.messageGen);
    this.dataKey = int(this.dataKey);
    this.outcome = int(this.outcome);
    const start = new Float64Array(size);
    start.set(this.start);
    this.start = start;
  }
}

/**
 * A call pool that refuses any state change missing from {@link CALL_TRANSITIONS}: used by runs with
 * `checkTransitions`, so the table stays the whole truth about how calls move.
 */
export class CheckedCallPool extends CallPool {
  override move(c: CallIx, to: CallStateCode): void {
    this.check(c, to);
    super.move(c, to);
  }

  override release(c: CallIx): void {
    this.check(c, CallState.free);
    super.release(c);
  }

  private check(c: CallIx, to: CallStateCode): void {
    const from = this.state[c] as CallStateCode;
    if (!isAllowedTransition(from, to))
      throw new Error(`call ${c}: no transition from ${STATE_NAMES[from]} to ${STATE_NAMES[to]}`);
  }
}
