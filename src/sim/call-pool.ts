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
} as const;

export class CallPool {
  node = new Int32Array(256);
  state = new Int32Array(256);
  parent = new Int32Array(256);
  parentGen = new Int32Array(256);
  gen = new Int32Array(256);
  /** The edge the call travelled over (-1 for roots). */
  edge = new Int32Array(256);
  /**
   * Roots: the attempt in progress. Children of roots: the attempt they belong to. Deliveries: the message.
   * Never reused for anything else: a late answer is matched against it.
   */
  aux = new Int32Array(256);
  /** A server's call: which of its downstream calls is in progress. */
  step = new Int32Array(256);
  depth = new Int32Array(256);
  /** The user the request comes from (hash routing), inherited along the path. */
  key = new Int32Array(256);
  /** 1 when the request writes (sessions, replication), inherited along the path. */
  write = new Int32Array(256);
  /** Deliveries: the generation of the message delivered. */
  extra = new Int32Array(256);
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

  alloc(): number {
    let c: number;
    if (this.freeCount > 0) {
      c = this.freeList[--this.freeCount] as number;
    } else {
      if (this.used === this.node.length) this.grow();
      c = this.used++;
    }
    return c;
  }

  release(c: number): void {
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
    const int = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.node = int(this.node);
    this.state = int(this.state);
    this.parent = int(this.parent);
    this.parentGen = int(this.parentGen);
    this.gen = int(this.gen);
    this.edge = int(this.edge);
    this.aux = int(this.aux);
    this.step = int(this.step);
    this.depth = int(this.depth);
    this.key = int(this.key);
    this.write = int(this.write);
    this.extra = int(this.extra);
    this.outcome = int(this.outcome);
    const start = new Float64Array(size);
    start.set(this.start);
    this.start = start;
  }
}
