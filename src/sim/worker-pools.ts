import type { Metrics } from './metrics';
import type { CallIx, NodeIx } from './indices';

/**
 * The workers and wait queues (FIFO, or LIFO with `queue_order=lifo`) of every node that does work (DESIGN.md §3): how many workers are
 * busy, who waits, and the time-integrals of both for utilization and mean queue length.
 */
export class WorkerPools {
  readonly busy: Int32Array;
  readonly waitLength: Int32Array;
  private readonly rings: Int32Array[];
  private readonly head: Int32Array;
  /** Time of each node's last busy/queue change, for the time-average areas. */
  private readonly lastChange: Float64Array;
  /** The metrics' areas of the second in progress, added to here directly (this runs on every change). */
  private readonly busyArea: Float64Array;
  private readonly queueArea: Float64Array;

  constructor(nodes: number, metrics: Metrics) {
    this.busyArea = metrics.busyArea;
    this.queueArea = metrics.queueArea;
    this.busy = new Int32Array(nodes);
    this.waitLength = new Int32Array(nodes);
    this.rings = Array.from({ length: nodes }, () => new Int32Array(16));
    this.head = new Int32Array(nodes);
    this.lastChange = new Float64Array(nodes);
  }

  /** Takes a worker; the caller has checked that one is free. */
  take(node: NodeIx, nowMs: number): void {
    this.integrate(node, nowMs);
    this.busy[node] = (this.busy[node] as number) + 1;
  }

  /** Gives a worker back. */
  release(node: NodeIx, nowMs: number): void {
    this.integrate(node, nowMs);
    this.busy[node] = (this.busy[node] as number) - 1;
  }

  /**
   * Takes the next waiting call off a node's queue (the caller checked that one waits): the oldest, or
   * with `lifo` the newest (README "Load shedding": fresh work first, so stale work times out unserved).
   */
  dequeue(node: NodeIx, nowMs: number, lifo: boolean): CallIx {
    this.integrate(node, nowMs);
    const length = (this.waitLength[node] as number) - 1;
    const ring = this.rings[node] as Int32Array;
    const head = this.head[node] as number;
    this.waitLength[node] = length;
    if (lifo) return ring[(head + length) % ring.length] as CallIx;
    this.head[node] = (head + 1) % ring.length;
    return ring[head] as CallIx;
  }

  enqueue(node: NodeIx, call: CallIx, nowMs: number): void {
    this.integrate(node, nowMs);
    let ring = this.rings[node] as Int32Array;
    const length = this.waitLength[node] as number;
    if (length === ring.length) ring = this.grow(node);
    ring[((this.head[node] as number) + length) % ring.length] = call;
    this.waitLength[node] = length + 1;
  }

  /** Empties a node (a crash): nobody is served or waiting any more. */
  clear(node: NodeIx, nowMs: number): void {
    this.integrate(node, nowMs);
    this.busy[node] = 0;
    this.waitLength[node] = 0;
    this.head[node] = 0;
  }

  /** Adds a node's busy and queued levels since its last change, up to `nowMs`, to the metrics' areas. */
  integrate(node: NodeIx, nowMs: number): void {
    const since = this.lastChange[node] as number;
    if (nowMs > since) {
      const durationMs = nowMs - since;
      this.busyArea[node] = (this.busyArea[node] as number) + (this.busy[node] as number) * durationMs;
      this.queueArea[node] =
        (this.queueArea[node] as number) + (this.waitLength[node] as number) * durationMs;
      this.lastChange[node] = nowMs;
    }
  }

  private grow(node: NodeIx): Int32Array {
    const old = this.rings[node] as Int32Array;
    const head = this.head[node] as number;
    const ring = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i++) ring[i] = old[(head + i) % old.length] as number;
    this.rings[node] = ring;
    this.head[node] = 0;
    return ring;
  }
}
