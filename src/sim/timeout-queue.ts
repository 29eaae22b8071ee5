/**
 * Client timeouts without one event per request. A client's timeout is the same for every attempt, so
 * deadlines expire in the order attempts were sent: a FIFO per client, and a single pending "check"
 * event per client at the earliest deadline, replace a heap entry per request. Answered attempts stay
 * in the FIFO and are recognised as stale when they reach its head.
 */
export class TimeoutQueue {
  private readonly rings: { call: Int32Array; gen: Int32Array; attempt: Int32Array; deadline: Float64Array }[];
  private readonly head: Int32Array;
  private readonly size: Int32Array;
  private readonly checking: Uint8Array;

  constructor(clients: number) {
    this.rings = Array.from({ length: clients }, () => ({
      call: new Int32Array(64),
      gen: new Int32Array(64),
      attempt: new Int32Array(64),
      deadline: new Float64Array(64),
    }));
    this.head = new Int32Array(clients);
    this.size = new Int32Array(clients);
    this.checking = new Uint8Array(clients);
  }

  /** Adds a deadline; returns true when the caller must schedule a check event for it. */
  push(client: number, call: number, gen: number, attempt: number, deadline: number): boolean {
    let ring = this.rings[client] as TimeoutQueue['rings'][number];
    const size = this.size[client] as number;
    if (size === ring.call.length) ring = this.grow(client);
    const at = ((this.head[client] as number) + size) % ring.call.length;
    ring.call[at] = call;
    ring.gen[at] = gen;
    ring.attempt[at] = attempt;
    ring.deadline[at] = deadline;
    this.size[client] = size + 1;
    if (this.checking[client]) return false;
    this.checking[client] = 1;
    return true;
  }

  length(client: number): number {
    return this.size[client] as number;
  }

  hasExpired(client: number, nowMs: number): boolean {
    return (this.size[client] as number) > 0 && this.headDeadline(client) <= nowMs;
  }

  headCall(client: number): number {
    return (this.rings[client] as TimeoutQueue['rings'][number]).call[this.head[client] as number] as number;
  }
  headGen(client: number): number {
    return (this.rings[client] as TimeoutQueue['rings'][number]).gen[this.head[client] as number] as number;
  }
  headAttempt(client: number): number {
    return (this.rings[client] as TimeoutQueue['rings'][number]).attempt[this.head[client] as number] as number;
  }
  headDeadline(client: number): number {
    return (this.rings[client] as TimeoutQueue['rings'][number]).deadline[this.head[client] as number] as number;
  }

  shift(client: number): void {
    const ring = this.rings[client] as TimeoutQueue['rings'][number];
    this.head[client] = ((this.head[client] as number) + 1) % ring.call.length;
    this.size[client] = (this.size[client] as number) - 1;
  }

  /** No check event is pending any more for this client. */
  idle(client: number): void {
    this.checking[client] = 0;
  }

  private grow(client: number): TimeoutQueue['rings'][number] {
    const old = this.rings[client] as TimeoutQueue['rings'][number];
    const n = old.call.length;
    const head = this.head[client] as number;
    const ring = {
      call: new Int32Array(n * 2),
      gen: new Int32Array(n * 2),
      attempt: new Int32Array(n * 2),
      deadline: new Float64Array(n * 2),
    };
    for (let i = 0; i < n; i++) {
      const from = (head + i) % n;
      ring.call[i] = old.call[from] as number;
      ring.gen[i] = old.gen[from] as number;
      ring.attempt[i] = old.attempt[from] as number;
      ring.deadline[i] = old.deadline[from] as number;
    }
    this.rings[client] = ring;
    this.head[client] = 0;
    return ring;
  }
}
