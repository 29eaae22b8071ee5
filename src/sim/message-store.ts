import { absentOf, QUEUE_PARAMS } from '../model/params';
import type { QueueParams } from '../model/types';
import type { Topology } from './topology';
import type { CallIx, NodeIx } from './indices';

const MessageState = { visible: 0, inFlight: 1, free: 2 } as const;
const DEFAULT_VISIBILITY_MS = absentOf(QUEUE_PARAMS, 'visibilityMs');
const DEFAULT_MAX_ATTEMPTS = absentOf(QUEUE_PARAMS, 'maxAttempts');
const DEFAULT_BOUND = absentOf(QUEUE_PARAMS, 'bound');
const DEFAULT_SHED = absentOf(QUEUE_PARAMS, 'shed');
const DEFAULT_MAX_WAIT_MS = absentOf(QUEUE_PARAMS, 'maxWaitMs');

/**
 * The messages held by every message queue (DESIGN.md §3): stored until a consumer acknowledges them,
 * visible or in flight, with their attempts. Slots are recycled with a generation number, so entries left
 * behind in the FIFOs by an acknowledged message are recognised and skipped.
 */
export class MessageStore {
  private enqueuedAt = new Float64Array(256);
  private attempts = new Int32Array(256);
  private key = new Int32Array(256);
  private write = new Int32Array(256);
  private state = new Int32Array(256);
  private gen = new Int32Array(256);
  /** The delivery call a message is in flight with. */
  private delivery = new Int32Array(256);
  private freeList: number[] = [];
  private used = 0;
  /** Per queue: visible messages in delivery order; all stored messages in arrival order. */
  private readonly visible: Fifo[];
  private readonly arrivals: Fifo[];
  /** Per queue: messages stored and not yet acknowledged or dead-lettered. */
  readonly stored: Int32Array;
  readonly visibilityMs: Float64Array;
  readonly maxAttempts: Int32Array;
  readonly bound: Float64Array;
  /** Per queue: stored messages at which producers are shed (`shed`; Infinity: never). */
  readonly shedAt: Float64Array;
  /** Per queue: a message older than this when a consumer would take it is discarded (`max_wait`). */
  private readonly maxWaitMs: Float64Array;
  /** Per queue: 1 when consumers take the newest visible message first (`queue_order=lifo`). */
  private readonly lifo: Uint8Array;
  /** Told of each message discarded for its age (the engine counts it as shed at the queue). */
  onExpired: (q: NodeIx) => void = () => undefined;
  enqueued = 0;
  acked = 0;
  duplicates = 0;
  redeliveries = 0;
  deadLettered = 0;
  /** Messages discarded unserved for waiting longer than `max_wait`. */
  expired = 0;

  constructor(topology: Topology) {
    const n = topology.nodeIds.length;
    this.visible = Array.from({ length: n }, () => new Fifo());
    this.arrivals = Array.from({ length: n }, () => new Fifo());
    this.stored = new Int32Array(n);
    const params = (i: number) =>
      topology.kinds[i] === 'queue' ? (topology.params[i] as QueueParams) : null;
    this.visibilityMs = Float64Array.from(
      topology.nodeIds,
      (_, i) => params(i)?.visibilityMs ?? DEFAULT_VISIBILITY_MS,
    );
    this.maxAttempts = Int32Array.from(
      topology.nodeIds,
      (_, i) => params(i)?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    );
    this.bound = Float64Array.from(topology.nodeIds, (_, i) => params(i)?.bound ?? DEFAULT_BOUND);
    this.shedAt = Float64Array.from(topology.nodeIds, (_, i) => params(i)?.shed ?? DEFAULT_SHED);
    this.maxWaitMs = Float64Array.from(
      topology.nodeIds,
      (_, i) => params(i)?.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    );
    this.lifo = Uint8Array.from(topology.nodeIds, (_, i) => (params(i)?.queueOrder === 'lifo' ? 1 : 0));
  }

  /** Stores a new message in queue `q`. */
  add(q: NodeIx, key: number, write: number, nowMs: number): void {
    const m = this.alloc();
    this.enqueuedAt[m] = nowMs;
    this.attempts[m] = 0;
    this.key[m] = key;
    this.write[m] = write;
    this.state[m] = MessageState.visible;
    (this.visible[q] as Fifo).push(m, this.gen[m] as number);
    (this.arrivals[q] as Fifo).push(m, this.gen[m] as number);
    this.stored[q] = (this.stored[q] as number) + 1;
    this.enqueued++;
  }

  /**
   * Takes the next visible message of `q` for delivery with call `delivery` (the caller has checked
   * {@link hasVisible}): the oldest, or with `queue_order=lifo` the newest.
   */
  takeVisible(q: NodeIx, delivery: CallIx): number {
    const fifo = this.visible[q] as Fifo;
    const lifo = this.lifo[q] === 1;
    const m = lifo ? fifo.tailId() : fifo.headId();
    if (lifo) fifo.pop();
    else fifo.shift();
    this.state[m] = MessageState.inFlight;
    this.delivery[m] = delivery;
    this.attempts[m] = (this.attempts[m] as number) + 1;
    return m;
  }

  /**
   * Whether `q` has a visible message for a consumer. Entries of acknowledged or re-queued messages are
   * dropped on the way, and so are messages older than `max_wait` (discarded unserved: README "Load
   * shedding"), so that the next entry {@link takeVisible} reads is a live one.
   */
  hasVisible(q: NodeIx, nowMs: number): boolean {
    const fifo = this.visible[q] as Fifo;
    const lifo = this.lifo[q] === 1;
    const maxWaitMs = this.maxWaitMs[q] as number;
    while (fifo.length > 0) {
      const m = lifo ? fifo.tailId() : fifo.headId();
      const gen = lifo ? fifo.tailGen() : fifo.headGen();
      if (this.gen[m] === gen && this.state[m] === MessageState.visible) {
        if (nowMs - (this.enqueuedAt[m] as number) <= maxWaitMs) return true;
        this.release(q, m);
        this.expired++;
        this.onExpired(q);
      }
      if (lifo) fifo.pop();
      else fifo.shift();
    }
    return false;
  }

  genOf(m: number): number {
    return this.gen[m] as number;
  }
  keyOf(m: number): number {
    return this.key[m] as number;
  }
  writeOf(m: number): number {
    return this.write[m] as number;
  }
  enqueuedAtOf(m: number): number {
    return this.enqueuedAt[m] as number;
  }

  /** Whether message `m` (of generation `gen`) is still stored and in flight with `delivery`. */
  inFlightWith(m: number, gen: number, delivery: CallIx): boolean {
    return this.gen[m] === gen && this.state[m] === MessageState.inFlight && this.delivery[m] === delivery;
  }

  isStored(m: number, gen: number): boolean {
    return this.gen[m] === gen && this.state[m] !== MessageState.free;
  }

  /** A consumer acknowledged `m`: it leaves the queue. */
  ack(q: NodeIx, m: number): void {
    this.acked++;
    this.release(q, m);
  }

  /** `m` becomes visible again, to be delivered once more (visibility timeout, or a failed attempt). */
  makeVisible(q: NodeIx, m: number): void {
    this.redeliveries++;
    this.state[m] = MessageState.visible;
    (this.visible[q] as Fifo).push(m, this.gen[m] as number);
  }

  /** A failed attempt: visible again, or to the dead-letter queue after `maxAttempts`. Returns true if dead. */
  failed(q: NodeIx, m: number): boolean {
    if ((this.attempts[m] as number) >= (this.maxAttempts[q] as number)) {
      this.deadLettered++;
      this.release(q, m);
      return true;
    }
    this.makeVisible(q, m);
    return false;
  }

  /** Age of the oldest stored message of `q`, in ms (0 when empty). */
  oldestAgeMs(q: NodeIx, nowMs: number): number {
    const fifo = this.arrivals[q] as Fifo;
    while (fifo.length > 0) {
      const m = fifo.headId();
      if (this.gen[m] === fifo.headGen() && this.state[m] !== MessageState.free)
        return nowMs - (this.enqueuedAt[m] as number);
      fifo.shift();
    }
    return 0;
  }

  private release(q: NodeIx, m: number): void {
    this.state[m] = MessageState.free;
    this.gen[m] = ((this.gen[m] as number) + 1) | 0;
    this.freeList.push(m);
    this.stored[q] = (this.stored[q] as number) - 1;
  }

  private alloc(): number {
    const recycled = this.freeList.pop();
    if (recycled !== undefined) return recycled;
    if (this.used === this.state.length) this.grow();
    return this.used++;
  }

  private grow(): void {
    const size = this.state.length * 2;
    const f64 = (old: Float64Array) => {
      const next = new Float64Array(size);
      next.set(old);
      return next;
    };
    const i32 = (old: Int32Array) => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.enqueuedAt = f64(this.enqueuedAt);
    this.attempts = i32(this.attempts);
    this.key = i32(this.key);
    this.write = i32(this.write);
    this.state = i32(this.state);
    this.gen = i32(this.gen);
    this.delivery = i32(this.delivery);
  }
}

/** A growable ring of (id, generation) pairs. */
class Fifo {
  private ids = new Int32Array(64);
  private gens = new Int32Array(64);
  private head = 0;
  length = 0;

  push(id: number, gen: number): void {
    if (this.length === this.ids.length) this.grow();
    const at = (this.head + this.length) % this.ids.length;
    this.ids[at] = id;
    this.gens[at] = gen;
    this.length++;
  }
  headId(): number {
    return this.ids[this.head] as number;
  }
  headGen(): number {
    return this.gens[this.head] as number;
  }
  tailId(): number {
    return this.ids[(this.head + this.length - 1) % this.ids.length] as number;
  }
  tailGen(): number {
    return this.gens[(this.head + this.length - 1) % this.ids.length] as number;
  }
  /** Drops the newest entry. */
  pop(): void {
    this.length--;
  }
  shift(): void {
    this.head = (this.head + 1) % this.ids.length;
    this.length--;
  }
  private grow(): void {
    const n = this.ids.length;
    const ids = new Int32Array(n * 2);
    const gens = new Int32Array(n * 2);
    for (let i = 0; i < this.length; i++) {
      ids[i] = this.ids[(this.head + i) % n] as number;
      gens[i] = this.gens[(this.head + i) % n] as number;
    }
    this.ids = ids;
    this.gens = gens;
    this.head = 0;
  }
}
