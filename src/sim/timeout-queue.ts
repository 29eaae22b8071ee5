import type { CallIx, NodeIx } from './indices';

/**
 * Timeouts without one event per request. A node's timeout is the same for every call it makes, so its
 * deadlines expire in the order the calls were sent: a FIFO per node, and a single pending "check" event
 * per node at the earliest deadline, replace a heap entry per request. Answered calls stay in the FIFO
 * and are recognised as stale when they reach its head (by the call's generation and a tag: the tag
 * of a owner's request, or the downstream step of a server's call).
 */
export class TimeoutQueue {
  private readonly rings: { call: Int32Array; gen: Int32Array; tag: Int32Array; deadline: Float64Array }[];
  private readonly head: Int32Array;
  private readonly size: Int32Array;
  private readonly checking: Uint8Array;

  constructor(owners: number) {
    this.rings = Array.from({ length: owners }, () => ({
      call: new Int32Array(64),
      gen: new Int32Array(64),
      tag: new Int32Array(64),
      deadline: new Float64Array(64),
    }));
    this.head = new Int32Array(owners);
    this.size = new Int32Array(owners);
    this.checking = new Uint8Array(owners);
  }

  /** Adds a deadline; returns true when the caller must schedule a check event for it. */
  push(owner: NodeIx, call: CallIx, gen: number, tag: number, deadline: number): boolean {
    let ring = this.rings[owner] as TimeoutQueue['rings'][number];
    const size = this.size[owner] as number;
    if (size === ring.call.length) ring = this.grow(owner);
    const at = ((this.head[owner] as number) + size) % ring.call.length;
    ring.call[at] = call;
    ring.gen[at] = gen;
    ring.tag[at] = tag;
    ring.deadline[at] = deadline;
    this.size[owner] = size + 1;
    if (this.checking[owner]) return false;
    this.checking[owner] = 1;
    return true;
  }

  length(owner: NodeIx): number {
    return this.size[owner] as number;
  }

  hasExpired(owner: NodeIx, nowMs: number): boolean {
    return (this.size[owner] as number) > 0 && this.headDeadline(owner) <= nowMs;
  }

  headCall(owner: NodeIx): CallIx {
    return (this.rings[owner] as TimeoutQueue['rings'][number]).call[this.head[owner] as number] as CallIx;
  }
  headGen(owner: NodeIx): number {
    return (this.rings[owner] as TimeoutQueue['rings'][number]).gen[this.head[owner] as number] as number;
  }
  headTag(owner: NodeIx): number {
    return (this.rings[owner] as TimeoutQueue['rings'][number]).tag[this.head[owner] as number] as number;
  }
  headDeadline(owner: NodeIx): number {
    return (this.rings[owner] as TimeoutQueue['rings'][number]).deadline[
      this.head[owner] as number
    ] as number;
  }

  shift(owner: NodeIx): void {
    const ring = this.rings[owner] as TimeoutQueue['rings'][number];
    this.head[owner] = ((this.head[owner] as number) + 1) % ring.call.length;
    this.size[owner] = (this.size[owner] as number) - 1;
  }

  /** No check event is pending any more for this owner. */
  idle(owner: NodeIx): void {
    this.checking[owner] = 0;
  }

  private grow(owner: NodeIx): TimeoutQueue['rings'][number] {
    const old = this.rings[owner] as TimeoutQueue['rings'][number];
    const n = old.call.length;
    const head = this.head[owner] as number;
    const ring = {
      call: new Int32Array(n * 2),
      gen: new Int32Array(n * 2),
      tag: new Int32Array(n * 2),
      deadline: new Float64Array(n * 2),
    };
    for (let i = 0; i < n; i++) {
      const from = (head + i) % n;
      ring.call[i] = old.call[from] as number;
      ring.gen[i] = old.gen[from] as number;
      ring.tag[i] = old.tag[from] as number;
      ring.deadline[i] = old.deadline[from] as number;
    }
    this.rings[owner] = ring;
    this.head[owner] = 0;
    return ring;
  }
}
